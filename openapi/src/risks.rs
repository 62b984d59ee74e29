//! The risk register of a project or a pilot (Regulation 1.3 b: the conditions of a
//! resource's implementation are its risks and the ways to overcome them): each risk
//! scored by likelihood × impact, with its history of changes.

use crate::wire_enum;
use crate::{OrganisationId, PilotId, ProjectId, RiskId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum! {
    /// What kind of risk it is.
    pub enum RiskCategory {
        /// Organisational: schedules, coordination, management.
        Organisational = "organisational",
        /// Methodological: the method or the materials do not work as expected.
        Methodological = "methodological",
        /// Staffing: people leave, lack the skills or the time.
        Staffing = "staffing",
        /// Material: equipment, premises, money.
        Material = "material",
        /// Regulatory: the normative basis.
        Regulatory = "regulatory",
        /// Motivational: the participants lose interest.
        Motivational = "motivational",
        /// Anything else.
        Other = "other",
    }
}

wire_enum! {
    /// Where a risk stands.
    pub enum RiskStatus {
        /// Identified and watched.
        Open = "open",
        /// Its mitigation is in place.
        Mitigated = "mitigated",
        /// It happened.
        Occurred = "occurred",
        /// No longer relevant; no more reviews.
        Closed = "closed",
    }
}

wire_enum! {
    /// A field of a risk whose changes the history keeps.
    pub enum RiskField {
        /// The status (`from` and `to` are its spellings).
        Status = "status",
        /// The likelihood (`from` and `to` are numbers 1–5).
        Likelihood = "likelihood",
        /// The impact (`from` and `to` are numbers 1–5).
        Impact = "impact",
        /// The next review date (`from` and `to` are `YYYY-MM-DD`, absent for none).
        NextReviewOn = "next_review_on",
    }
}

/// A risk of a project or a pilot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Risk {
    /// The risk's id.
    pub id: i64,
    /// The school.
    pub org_id: OrganisationId,
    /// The project it belongs to (absent for a pilot's risk).
    pub project_id: Option<ProjectId>,
    /// The pilot it belongs to (absent for a project's risk).
    pub pilot_id: Option<PilotId>,
    /// What may happen.
    pub title: String,
    /// Its kind.
    pub category: RiskCategory,
    /// How likely it is, 1 (rare) to 5 (almost certain).
    pub likelihood: u8,
    /// How much harm it would do, 1 (negligible) to 5 (severe).
    pub impact: u8,
    /// likelihood × impact, 1 to 25: computed by the server, never sent.
    pub score: u8,
    /// The ways to overcome it (пути преодоления).
    pub mitigation: String,
    /// Who watches it: an account of the school.
    pub owner_id: UserId,
    /// Their name.
    pub owner_name: String,
    /// Where it stands.
    pub status: RiskStatus,
    /// When it is to be reviewed next.
    pub next_review_on: Option<NaiveDate>,
    /// The review date has passed and the risk is not closed (as of today, UTC).
    pub review_overdue: bool,
    /// When it was recorded.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// A new risk, or the whole new state of one. The score is computed, never taken from
/// the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct RiskInput {
    /// What may happen.
    pub title: String,
    /// Its kind.
    pub category: RiskCategory,
    /// 1 (rare) to 5 (almost certain).
    pub likelihood: u8,
    /// 1 (negligible) to 5 (severe).
    pub impact: u8,
    /// The ways to overcome it.
    pub mitigation: String,
    /// An active account of the school.
    pub owner_id: UserId,
    /// `open` when omitted.
    #[serde(default)]
    pub status: Option<RiskStatus>,
    /// When it is to be reviewed next.
    #[serde(default)]
    pub next_review_on: Option<NaiveDate>,
    /// Why it changed, kept in the history with the change of status, likelihood,
    /// impact or review date.
    #[serde(default)]
    pub note: Option<String>,
}

/// Filters of a risk register.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct RiskFilter {
    /// Only this status.
    pub status: Option<RiskStatus>,
}

/// One change of a risk's status, likelihood, impact or review date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct RiskChange {
    /// The change's id; changes are listed oldest first.
    pub id: i64,
    /// The risk.
    pub risk_id: RiskId,
    /// When.
    pub at: DateTime<Utc>,
    /// Who changed it.
    pub actor_id: Option<UserId>,
    /// Their name.
    pub actor_name: Option<String>,
    /// Which field.
    pub field: RiskField,
    /// The value before, as `field` says; absent for no value.
    pub from: Option<String>,
    /// The value after, as `field` says; absent for no value.
    pub to: Option<String>,
    /// Why, as the change said.
    pub note: Option<String>,
}
