//! Innovation projects: the scientific-methodological assignments a school carries out
//! (Regulation 1.2, 1.4–1.5).

use crate::ids::{OrganisationId, ProjectId, UserId};
use crate::wire_enum;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum! {
    /// How the assignment was given.
    pub enum ProjectOrigin {
        /// On a competitive basis, by a customer (на конкурсной основе).
        Competitive = "competitive",
        /// On the school's own initiative (по инициативе школы).
        OwnInitiative = "own_initiative",
    }
}

wire_enum! {
    /// The level of innovation work.
    pub enum ProjectLevel {
        /// Instrumental: a school-laboratory working on a scientific supervisor's assignment.
        Laboratory = "laboratory",
        /// Methodological: an innovation platform disseminating a resource it developed.
        Platform = "platform",
    }
}

wire_enum! {
    /// The status of an innovation platform.
    pub enum PlatformStatus {
        /// Municipal innovation platform.
        Municipal = "municipal",
        /// Regional innovation platform.
        Regional = "regional",
    }
}

wire_enum! {
    /// Where a project stands.
    pub enum ProjectStatus {
        /// Being prepared; not yet launched.
        Draft = "draft",
        /// Running.
        Active = "active",
        /// Finished as planned.
        Completed = "completed",
        /// Closed early (for example after the annual expertise).
        Closed = "closed",
    }
}

/// An innovation project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Project {
    /// The project's id.
    pub id: ProjectId,
    /// The school that runs it.
    pub org_id: OrganisationId,
    /// The school's short name.
    pub org_short_name: String,
    /// The title of the assignment.
    pub title: String,
    /// The problem of the school's pedagogical system it answers.
    pub problem: String,
    /// Competitive or own initiative.
    pub origin: ProjectOrigin,
    /// The competition, for a competitive assignment.
    pub competition: Option<String>,
    /// The customer (committee or department), for a competitive assignment.
    pub customer_org_id: Option<OrganisationId>,
    /// Laboratory or platform.
    pub level: ProjectLevel,
    /// Municipal or regional, for a platform.
    pub platform_status: Option<PlatformStatus>,
    /// The scientific supervisor, when an account of the school.
    pub supervisor_id: Option<UserId>,
    /// The scientific supervisor's name (the account's name, or an external person's).
    pub supervisor_name: Option<String>,
    /// An external supervisor's affiliation (university, institute).
    pub supervisor_affiliation: Option<String>,
    /// The directions of work, in order; the order's points name them.
    pub directions: Vec<String>,
    /// The problems of the school's ranking the launch decision cites.
    pub problems: Vec<CitedProblem>,
    /// The yearly confirmations of a platform's status, the latest year first.
    pub confirmations: Vec<PlatformConfirmation>,
    /// The first school year, by the year it starts (2025 = «2025/2026»).
    pub start_year: i32,
    /// The last school year, by the year it starts.
    pub end_year: i32,
    /// Draft, active, completed or closed.
    pub status: ProjectStatus,
    /// When it was registered.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// A problem of the school's ranking that a project answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct CitedProblem {
    /// The problem's id.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// The school year of its ranking.
    pub school_year: i32,
    /// Whether that ranking is frozen.
    pub ranking_frozen: bool,
}

/// The confirmation of a platform's status for one school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct PlatformConfirmation {
    /// The school year, by the year it starts.
    pub school_year: i32,
    /// When the status was confirmed.
    pub confirmed_on: NaiveDate,
    /// The basis: the committee's order or decision («Приказ комитета от 25.08.2026 № 312»).
    pub basis: String,
}

/// Records the confirmation of a platform's status for a school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ConfirmationInput {
    /// One of the project's school years, once.
    pub school_year: i32,
    /// Not in the future.
    pub confirmed_on: NaiveDate,
    /// The basis of the confirmation.
    pub basis: String,
}

/// A new project, or the whole new state of one (`PUT`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ProjectInput {
    /// The title.
    pub title: String,
    /// The problem it answers.
    pub problem: String,
    /// Competitive or own initiative.
    pub origin: ProjectOrigin,
    /// Required for a competitive assignment: the competition's name.
    #[serde(default)]
    pub competition: Option<String>,
    /// Required for a competitive assignment: the customer, a committee organisation.
    #[serde(default)]
    pub customer_org_id: Option<OrganisationId>,
    /// Laboratory or platform.
    pub level: ProjectLevel,
    /// Required for a platform.
    #[serde(default)]
    pub platform_status: Option<PlatformStatus>,
    /// For a laboratory, the supervisor: an account of the school with the supervisor role…
    #[serde(default)]
    pub supervisor_id: Option<UserId>,
    /// …or an external person's name…
    #[serde(default)]
    pub supervisor_name: Option<String>,
    /// …and affiliation (an external supervisor only).
    #[serde(default)]
    pub supervisor_affiliation: Option<String>,
    /// The directions of work.
    #[serde(default)]
    pub directions: Vec<String>,
    /// Problems of the school's rankings the project answers (the launch decision cites
    /// them; issuing the order needs at least one of a frozen ranking).
    #[serde(default)]
    pub problem_ids: Vec<i64>,
    /// The first school year, by the year it starts.
    pub start_year: i32,
    /// The last school year, not before the first and at most 10 years after it.
    pub end_year: i32,
    /// The status; `draft` when omitted.
    #[serde(default)]
    pub status: Option<ProjectStatus>,
}

/// Filters of the project list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct ProjectFilter {
    /// Search in the title and problem.
    pub q: Option<String>,
    /// Only this school's projects.
    pub org_id: Option<OrganisationId>,
    /// Only projects in this status.
    pub status: Option<ProjectStatus>,
    /// Only this level.
    pub level: Option<ProjectLevel>,
    /// Only projects running in the school year starting that year.
    pub school_year: Option<i32>,
}
