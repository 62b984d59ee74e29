//! `/api/{resources,projects,organisations}/{id}/dissemination`: the dissemination
//! figures of a resource, a project or a school for a school year.

use super::ApiError;
use super::client::Call;
use openapi::dissemination::Dissemination;
use openapi::{OrganisationId, ProjectId, ResourceId};

/// Whose figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// About one resource.
    Resource(ResourceId),
    /// About a project's resources, with its own risks.
    Project(ProjectId),
    /// A whole school.
    School(OrganisationId),
}

/// `GET …/dissemination?school_year=`: the figures for the school year starting in `year`.
pub async fn dissemination(scope: Scope, year: i32) -> Result<Dissemination, ApiError> {
    let path = match scope {
        Scope::Resource(id) => format!("/api/resources/{id}/dissemination"),
        Scope::Project(id) => format!("/api/projects/{id}/dissemination"),
        Scope::School(id) => format!("/api/organisations/{id}/dissemination"),
    };
    Call::get(path).query("school_year", Some(year)).send().await
}
