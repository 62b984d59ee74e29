//! Innovation projects: the scientific-methodological assignments a school carries out
//! (Regulation 1.2, 1.4–1.5).

use crate::ids::{OrganisationId, ProjectId, UserId};
use crate::wire_enum;
use chrono::{DateTime, Utc};
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
}

/// A new project, or the whole new state of one (`PUT`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ProjectInput {
    /// The title, 5 to 300 characters.
    pub title: String,
    /// The problem it answers, 5 to 4000 characters.
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
    /// …or an external person's name and affiliation.
    #[serde(default)]
    pub supervisor_name: Option<String>,
    /// The first school year (2000–2100).
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
