//! `/api/projects/{id}/risks`, `/api/pilots/{id}/risks` and `/api/risks/{id}`: the risk
//! registers of projects and pilots.

use super::ApiError;
use super::client::Call;
use openapi::risks::{Risk, RiskChange, RiskFilter, RiskInput};
use openapi::{Page, PilotId, ProjectId, RiskId};

/// Whose register: a project's or a pilot's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Register {
    /// A project's register.
    Project(ProjectId),
    /// A pilot's register.
    Pilot(PilotId),
}

impl Register {
    /// The register's path.
    fn path(self) -> String {
        match self {
            Self::Project(id) => format!("/api/projects/{id}/risks"),
            Self::Pilot(id) => format!("/api/pilots/{id}/risks"),
        }
    }
}

/// `GET /api/{projects|pilots}/{id}/risks`: the register, the highest score first.
pub async fn list_risks(register: Register, filter: &RiskFilter) -> Result<Page<Risk>, ApiError> {
    Call::get(register.path())
        .query("status", filter.status.map(|status| status.as_str()))
        .query("per_page", Some(100))
        .send()
        .await
}

/// `POST /api/{projects|pilots}/{id}/risks`: adds a risk to the register.
pub async fn create_risk(register: Register, risk: &RiskInput) -> Result<Risk, ApiError> {
    Call::post(register.path()).json(risk).send().await
}

/// `PUT /api/risks/{id}`: replaces a risk, on the `version` as read.
pub async fn update_risk(id: RiskId, version: i32, risk: &RiskInput) -> Result<Risk, ApiError> {
    Call::put(format!("/api/risks/{id}"))
        .if_match(version)
        .json(risk)
        .send()
        .await
}

/// `GET /api/risks/{id}/history`: the changes of a risk, oldest first.
pub async fn risk_history(id: RiskId) -> Result<Page<RiskChange>, ApiError> {
    Call::get(format!("/api/risks/{id}/history"))
        .query("per_page", Some(100))
        .send()
        .await
}
