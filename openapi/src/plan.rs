//! The work plan of a project (Regulation 4.3, expertise criterion (a)) and the results
//! tracking system: indicators with targets per school year and their actual values.

use crate::wire_enum;
use crate::{ProjectId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum! {
    /// Where a plan item stands.
    pub enum PlanStatus {
        /// Not started.
        Planned = "planned",
        /// Under way.
        InProgress = "in_progress",
        /// Done, with its evidence and date.
        Done = "done",
        /// Dropped; not counted in the percentages.
        Cancelled = "cancelled",
    }
}

/// A file attached to a document version or a plan item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Attachment {
    /// The file's id; download it from `GET /api/attachments/{id}`.
    pub id: i64,
    /// The original name.
    pub file_name: String,
    /// The media type.
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// Hex SHA-256 of the content.
    pub sha256: String,
    /// When it was attached.
    pub created_at: DateTime<Utc>,
}

/// An item of the work plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct PlanItem {
    /// The item's id.
    pub id: i64,
    /// The project.
    pub project_id: ProjectId,
    /// The school year, by the year it starts.
    pub school_year: i32,
    /// What is to be done.
    pub action: String,
    /// The responsible person's account, when they have one.
    pub responsible_id: Option<UserId>,
    /// The responsible person's name.
    pub responsible_name: String,
    /// The deadline.
    pub deadline: NaiveDate,
    /// The expected result.
    pub expected_result: String,
    /// The status.
    pub status: PlanStatus,
    /// The evidence of completion: a link or a description of the document.
    pub evidence: String,
    /// When it was done.
    pub done_on: Option<NaiveDate>,
    /// Files that show it done (protocols, reports, photos).
    pub attachments: Vec<Attachment>,
    /// Past its deadline and neither done nor cancelled (as of today, UTC).
    pub overdue: bool,
    /// When it was planned.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// A new plan item, or the whole new state of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct PlanItemInput {
    /// Within the project's school years.
    pub school_year: i32,
    /// What is to be done.
    pub action: String,
    /// An active account of the school…
    #[serde(default)]
    pub responsible_id: Option<UserId>,
    /// …or a name.
    #[serde(default)]
    pub responsible_name: Option<String>,
    /// The deadline, within the school year (1 September to 31 August).
    pub deadline: NaiveDate,
    /// The expected result.
    pub expected_result: String,
    /// `planned` when omitted.
    #[serde(default)]
    pub status: Option<PlanStatus>,
    /// When done, a link or a description unless a file is attached.
    #[serde(default)]
    pub evidence: String,
    /// Required when done, and only then; not in the future.
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
}

/// Expertise criterion (a) for a project and school year, as of a date:
///
/// - `due` = items not cancelled whose deadline has come (deadline ≤ the date) or that are done;
/// - `completion_percent` = done ÷ due × 100;
/// - `on_time_percent` = done no later than the deadline ÷ due × 100.
///
/// Percentages have one decimal and are absent when nothing is due.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct PlanSummary {
    /// The project.
    pub project_id: ProjectId,
    /// The school year, or absent for every year of the project.
    pub school_year: Option<i32>,
    /// The date the figures are computed for (today, UTC).
    pub as_of: NaiveDate,
    /// Items, cancelled ones included.
    pub items: i64,
    /// Items due.
    pub due: i64,
    /// Of them done.
    pub done: i64,
    /// Of them done by the deadline.
    pub done_on_time: i64,
    /// done ÷ due × 100.
    pub completion_percent: Option<f64>,
    /// done on time ÷ due × 100.
    pub on_time_percent: Option<f64>,
    /// The overdue items, the oldest deadline first.
    pub overdue: Vec<PlanItem>,
}

/// Filters of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct PlanFilter {
    /// Only this school year.
    pub school_year: Option<i32>,
    /// Only this status.
    pub status: Option<PlanStatus>,
}

/// An indicator's target and actual value in one school year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct IndicatorValue {
    /// The school year, by the year it starts.
    pub school_year: i32,
    /// The target.
    pub target: f64,
    /// The actual value, once known.
    pub actual: Option<f64>,
    /// actual ÷ target × 100, one decimal; absent without an actual value or with a zero target.
    pub achieved_percent: Option<f64>,
}

/// An indicator of the results tracking system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Indicator {
    /// The indicator's id.
    pub id: i64,
    /// The project.
    pub project_id: ProjectId,
    /// What is measured.
    pub title: String,
    /// The unit («%», «чел.», «баллы»).
    pub unit: String,
    /// Targets and actual values by school year.
    pub values: Vec<IndicatorValue>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// A target and, once known, the actual value of one school year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct IndicatorValueInput {
    /// Within the project's school years.
    pub school_year: i32,
    /// 0 or more.
    pub target: f64,
    /// 0 or more.
    #[serde(default)]
    pub actual: Option<f64>,
}

/// A new indicator, or the whole new state of one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct IndicatorInput {
    /// The title.
    pub title: String,
    /// The unit.
    pub unit: String,
    /// At most one per school year.
    pub values: Vec<IndicatorValueInput>,
}

crate::wire_enum! {
    /// What a reminder is about.
    pub enum ReminderKind {
        /// A plan item the user is responsible for, due within 14 days or overdue (`item`).
        PlanItem = "plan_item",
        /// A risk the user owns whose review date has passed (`risk`).
        RiskReview = "risk_review",
        /// An event the user attended whose organiser asks for feedback (`event_id`).
        EventFeedback = "event_feedback",
    }
}

impl Default for ReminderKind {
    /// Answers from before risk reviews were reminded of are about plan items.
    fn default() -> Self {
        Self::PlanItem
    }
}

/// A reminder for the signed-in user: a plan item they are responsible for, a risk they
/// own that is due for review, or an event they attended that waits for their feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Reminder {
    /// What it is about.
    #[serde(default)]
    pub kind: ReminderKind,
    /// The plan item, for `plan_item`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<PlanItem>,
    /// The risk, for `risk_review`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<crate::risks::Risk>,
    /// The event, for `event_feedback`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<crate::EventId>,
    /// The project (of the item, of the risk, or of the resource whose pilot the risk
    /// belongs to); absent for an event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<ProjectId>,
    /// The project's title; absent for an event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_title: Option<String>,
    /// What to show: the item's action, the risk's title or the event's title.
    pub title: String,
    /// The item's deadline, the risk's review date or the event's last day.
    pub due_on: NaiveDate,
    /// Days left until `due_on`; negative when overdue.
    pub days_left: i64,
}

crate::wire_enum! {
    /// What waits for a decision.
    pub enum WaitingKind {
        /// A structure's composition waits for the director's approval.
        Structure = "structure",
        /// A document version waits for the council's review.
        DocumentVersion = "document_version",
        /// A drafted order waits for the director to issue it.
        Order = "order",
    }
}

/// Something waiting for the signed-in user's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct WaitingItem {
    /// What it is.
    pub kind: WaitingKind,
    /// Its id (of the structure, version or order).
    pub id: i64,
    /// The project.
    pub project_id: ProjectId,
    /// The project's title.
    pub project_title: String,
    /// What to show: the structure's name, the document and version, the order's number.
    pub title: String,
    /// Since when it waits.
    pub since: DateTime<Utc>,
}
