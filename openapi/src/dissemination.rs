//! Dissemination figures of a resource, a project and a school for one school year
//! (Regulation 1.3, 2.3; expertise criterion (b)): pilots, risks, teacher training,
//! consultations, events and fairs, beside the requests, deliveries and satisfaction the
//! metrics already count. Each field's description is its formula.

use crate::events::{EventKind, EventLevel};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A school year (учебный год): from 1 September to 31 August of the next year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct SchoolYearSpan {
    /// The calendar year it starts in (2026 for 2026/2027).
    pub start: i32,
    /// As schools write it: `2026/2027`.
    pub label: String,
    /// Its first day, 1 September.
    pub from: NaiveDate,
    /// Its last day, 31 August.
    pub to: NaiveDate,
}

/// Which school year to count.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct DisseminationQuery {
    /// The calendar year the school year starts in (2026 for 2026/2027), 2000–2100; the
    /// current school year when absent.
    pub school_year: Option<i32>,
}

/// Events of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct EventKindCount {
    /// The kind.
    pub kind: EventKind,
    /// Events of that kind counted in `events`.
    pub count: i64,
}

/// Events of one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct EventLevelCount {
    /// The level.
    pub level: EventLevel,
    /// Events of that level counted in `events`.
    pub count: i64,
}

/// The dissemination figures of a scope (one resource, a project's resources, or a
/// school) for one school year. "In the year" means on a day from `school_year.from` to
/// `school_year.to`, both included. For a resource or a project, only records about
/// its resources count (a consultation about one of them, an event or a fair stand that
/// presented one); for a school, all of its records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Dissemination {
    /// The school year counted.
    pub school_year: SchoolYearSpan,
    /// Pilots whose period (`starts_on`–`ends_on`) has at least one day in the year.
    pub pilots: i64,
    /// Distinct schools among those pilots' sites, the own school included.
    pub pilot_sites: i64,
    /// Pupils of those pilots, summed.
    pub pilot_pupils: i64,
    /// Risks recorded by the year's end (of the projects in scope and of the pilots of
    /// its resources) whose status now is open or occurred.
    pub risks_open: i64,
    /// The same risks whose status now is mitigated or closed.
    pub risks_closed: i64,
    /// Training cohorts whose dates have at least one day in the year.
    pub cohorts: i64,
    /// Distinct teachers with an enrolment completed in the year.
    pub teachers_trained: i64,
    /// Hours of the enrolments completed in the year, summed (each with the hours it was
    /// completed with).
    pub training_hours: i64,
    /// Certificates issued in the year.
    pub certificates: i64,
    /// Consultations held in the year (by `held_on`).
    pub consultations: i64,
    /// Participants of those consultations, summed.
    pub consultation_participants: i64,
    /// Published events that start in the year, organised or taken part in.
    pub events: i64,
    /// `events` by kind (kinds with none left out).
    pub events_by_kind: Vec<EventKindCount>,
    /// `events` by level (levels with none left out).
    pub events_by_level: Vec<EventLevelCount>,
    /// Registrations marked attended at those events that the scope's school organised.
    pub attendees: i64,
    /// Stands at fairs that start in the year.
    pub fair_stands: i64,
    /// Visitors' ratings of those stands.
    pub fair_ratings: i64,
    /// The mean of those ratings (1–5), rounded to two decimals; absent without ratings.
    pub fair_rating: Option<f64>,
    /// Consumer requests filed in the year, addressed to the school (for a resource or a
    /// project: about its resources).
    pub requests: i64,
    /// Deliveries made in the year (by `delivered_on`).
    pub deliveries: i64,
    /// Satisfaction answers filed in the year about deliveries of the scope.
    pub responses: i64,
    /// CSAT % of those answers: answers with CSAT 4 or 5 ÷ `responses` × 100, rounded to
    /// one decimal; absent without answers.
    pub csat_percent: Option<f64>,
    /// Distinct organisations other than the school reached in the year: the recipients
    /// of its deliveries, the sites of its pilots, the schools of the teachers whose
    /// enrolment it completed, the recipients of its held consultations and the schools
    /// of the attendees of its events.
    pub schools_reached: i64,
}
