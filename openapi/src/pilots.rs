//! Pilots (апробация) of a resource version in the school's own practice and in partner
//! schools (Regulation 1.3 b): where, when, with whom, how, with what results, and the
//! conclusion that ends it.

use crate::plan::Attachment;
use crate::wire_enum;
use crate::{OrganisationId, ResourceId, UserId, VersionId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum! {
    /// Where a pilot stands, derived from its dates and its conclusion.
    pub enum PilotStatus {
        /// Not started yet (today is before `starts_on`).
        Planned = "planned",
        /// Started and not concluded yet.
        Running = "running",
        /// Concluded; it does not change any more.
        Completed = "completed",
    }
}

wire_enum! {
    /// What the pilot concluded about the resource.
    pub enum PilotConclusion {
        /// Recommended for implementation in other schools.
        Recommended = "recommended",
        /// To be revised before it is recommended.
        Revise = "revise",
        /// Not recommended.
        NotRecommended = "not_recommended",
    }
}

/// A school where a pilot takes place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct PilotSite {
    /// The school.
    pub org_id: OrganisationId,
    /// Its short name.
    pub name: String,
}

/// A pilot of a resource version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Pilot {
    /// The pilot's id.
    pub id: i64,
    /// The school whose resource is piloted.
    pub org_id: OrganisationId,
    /// The resource.
    pub resource_id: ResourceId,
    /// The version piloted.
    pub version_id: VersionId,
    /// Its number within the resource.
    pub version_number: i32,
    /// The schools where it takes place: the resource's own school first, then the
    /// partner schools.
    pub sites: Vec<PilotSite>,
    /// The first day.
    pub starts_on: NaiveDate,
    /// The last day planned.
    pub ends_on: NaiveDate,
    /// Teachers taking part.
    pub teachers: i32,
    /// The classes taking part («5А, 6Б»); may be blank.
    pub classes: String,
    /// Pupils taking part.
    pub pupils: i32,
    /// How the resource is piloted: the method and what is observed.
    pub method: String,
    /// Interim results; may be blank.
    pub interim_results: String,
    /// Final results; required to conclude.
    pub final_results: String,
    /// Planned, running or completed (as of today, UTC).
    pub status: PilotStatus,
    /// The conclusion, once concluded.
    pub conclusion: Option<PilotConclusion>,
    /// The day it was concluded.
    pub concluded_on: Option<NaiveDate>,
    /// Who concluded it.
    pub concluded_by: Option<UserId>,
    /// Files that show the results (protocols, reports, questionnaires).
    pub attachments: Vec<Attachment>,
    /// When it was recorded.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// A new pilot, or the whole new state of a pilot not concluded yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct PilotInput {
    /// A version of the resource.
    pub version_id: VersionId,
    /// The schools where it takes place: the resource's own school and partner schools
    /// of the platform, each once.
    pub sites: Vec<OrganisationId>,
    /// The first day.
    pub starts_on: NaiveDate,
    /// The last day planned, not before `starts_on`.
    pub ends_on: NaiveDate,
    /// Teachers taking part.
    pub teachers: i32,
    /// The classes taking part («5А, 6Б»).
    #[serde(default)]
    pub classes: String,
    /// Pupils taking part.
    pub pupils: i32,
    /// How the resource is piloted.
    pub method: String,
    /// Interim results.
    #[serde(default)]
    pub interim_results: String,
    /// Final results.
    #[serde(default)]
    pub final_results: String,
}

/// The conclusion that ends a pilot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ConclusionInput {
    /// Recommended, to revise, or not recommended.
    pub conclusion: PilotConclusion,
    /// The day of the conclusion: not before the pilot started, not in the future;
    /// today when omitted.
    #[serde(default)]
    pub concluded_on: Option<NaiveDate>,
    /// The final results, replacing the stored ones; needed unless they are stored.
    #[serde(default)]
    pub final_results: Option<String>,
}
