//! Events a school organises or takes part in (Regulation 2.3, R14): open lessons, master
//! classes, seminars, fairs…; public registration for the events a school opens to the
//! city, attendance, materials and the attendees' feedback; the municipality's calendar.

use crate::plan::Attachment;
use crate::wire_enum;
use crate::{EventId, OrganisationId, RegistrationId, ResourceId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum! {
    /// The form of an event (Regulation 2.3).
    pub enum EventKind {
        /// An open lesson (открытый урок).
        OpenLesson = "open_lesson",
        /// A master class (мастер-класс).
        MasterClass = "master_class",
        /// A seminar (семинар).
        Seminar = "seminar",
        /// A round table (круглый стол).
        RoundTable = "round_table",
        /// A conference (конференция).
        Conference = "conference",
        /// A festival of innovation products (фестиваль инновационных продуктов).
        Festival = "festival",
        /// A fair of innovation products (ярмарка): schools present stands, visitors rate them.
        Fair = "fair",
        /// A review-competition of methodological services (смотр-конкурс).
        Competition = "competition",
        /// Another form.
        Other = "other",
    }
}

wire_enum! {
    /// The level of an event.
    pub enum EventLevel {
        /// The school's own.
        School = "school",
        /// Municipal.
        Municipal = "municipal",
        /// Regional.
        Regional = "regional",
        /// Federal.
        Federal = "federal",
        /// International.
        International = "international",
    }
}

wire_enum! {
    /// The organisation's part in the event.
    pub enum EventRole {
        /// It organises the event.
        Organiser = "organiser",
        /// It takes part in an event organised elsewhere (`organiser_name`).
        Participant = "participant",
    }
}

wire_enum! {
    /// Where an event stands.
    pub enum EventStatus {
        /// Being prepared; seen by its organisation (and the committee) only.
        Draft = "draft",
        /// In the calendar; open to registration when it is open to the city.
        Published = "published",
        /// Cancelled; stays in the calendar, marked.
        Cancelled = "cancelled",
    }
}

wire_enum! {
    /// Where a registration stands.
    pub enum RegistrationStatus {
        /// A place is held; the confirmation code is valid.
        Confirmed = "confirmed",
        /// Cancelled by the registrant.
        Cancelled = "cancelled",
    }
}

/// A resource presented at an event or on a fair stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct PresentedResource {
    /// The resource.
    pub resource_id: ResourceId,
    /// Its title.
    pub title: String,
}

/// The attendees' answers about an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct EventFeedbackSummary {
    /// Answers.
    pub count: i64,
    /// Their mean satisfaction (1–5), when there is an answer.
    pub mean: Option<f64>,
}

/// An event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Event {
    /// The event's id.
    pub id: EventId,
    /// The organisation whose event it is (a school or the committee).
    pub org_id: OrganisationId,
    /// Its short name.
    pub org_name: String,
    /// Whether the organisation organises it or takes part in it.
    pub role: EventRole,
    /// Who organises it: the organisation's own name, or the external organiser of an
    /// event it takes part in.
    pub organiser_name: String,
    /// The form.
    pub kind: EventKind,
    /// The level.
    pub level: EventLevel,
    /// The title.
    pub title: String,
    /// What it is about; may be blank.
    pub description: String,
    /// The first day.
    pub starts_on: NaiveDate,
    /// The last day (the first for a one-day event).
    pub ends_on: NaiveDate,
    /// The time, as written («10:00–12:30»); may be blank.
    pub time_text: String,
    /// The place; blank for an online event.
    pub place: String,
    /// The link of an online event; blank otherwise.
    pub online_url: String,
    /// The speakers' names.
    pub speakers: Vec<String>,
    /// The resources presented.
    pub resources: Vec<PresentedResource>,
    /// Whether teachers of the city may register.
    pub open_to_city: bool,
    /// Places, for an event open to the city.
    pub capacity: Option<i32>,
    /// Confirmed registrations.
    pub registered: i64,
    /// Confirmed registrations marked present.
    pub attended: i64,
    /// Draft, published or cancelled.
    pub status: EventStatus,
    /// When the organiser asked the attendees for feedback.
    pub feedback_requested_at: Option<DateTime<Utc>>,
    /// The attendees' answers.
    pub feedback: EventFeedbackSummary,
    /// The signed-in user's registration, if any.
    pub my_registration: Option<Registration>,
    /// Whether the signed-in user attended, was asked and has not answered yet.
    pub my_feedback_due: bool,
    /// The materials (presentations, handouts, protocols).
    pub attachments: Vec<Attachment>,
    /// When it was recorded.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// An event as the calendar lists it: what its row and its day cell show. The whole
/// record (description, place, speakers, resources, registrations, feedback, materials) is
/// at `GET /api/events/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct EventItem {
    /// The event's id.
    pub id: EventId,
    /// The organisation whose event it is (a school or the committee).
    pub org_id: OrganisationId,
    /// Its short name.
    pub org_name: String,
    /// Whether the organisation organises it or takes part in it.
    pub role: EventRole,
    /// Who organises it: the organisation's own name, or the external organiser of an
    /// event it takes part in.
    pub organiser_name: String,
    /// The form.
    pub kind: EventKind,
    /// The level.
    pub level: EventLevel,
    /// The title.
    pub title: String,
    /// The first day.
    pub starts_on: NaiveDate,
    /// The last day (the first for a one-day event).
    pub ends_on: NaiveDate,
    /// Draft, published or cancelled.
    pub status: EventStatus,
}

/// A new event, or the whole new state of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct EventInput {
    /// Organiser, or participant of an event organised elsewhere.
    pub role: EventRole,
    /// The external organiser, for a participant's event.
    #[serde(default)]
    pub organiser_name: String,
    /// The form.
    pub kind: EventKind,
    /// The level.
    pub level: EventLevel,
    /// The title.
    pub title: String,
    /// What it is about.
    #[serde(default)]
    pub description: String,
    /// The first day.
    pub starts_on: NaiveDate,
    /// The last day, not before `starts_on`.
    pub ends_on: NaiveDate,
    /// The time, as written («10:00–12:30»).
    #[serde(default)]
    pub time_text: String,
    /// The place; a place or an online link is needed.
    #[serde(default)]
    pub place: String,
    /// The link of an online event (`http://` or `https://`).
    #[serde(default)]
    pub online_url: String,
    /// The speakers' names.
    #[serde(default)]
    pub speakers: Vec<String>,
    /// The resources presented: the organisation's own, or published ones.
    #[serde(default)]
    pub resource_ids: Vec<ResourceId>,
    /// Whether teachers of the city may register (an event the organisation organises).
    #[serde(default)]
    pub open_to_city: bool,
    /// Places, needed when open to the city; not fewer than the confirmed registrations.
    #[serde(default)]
    pub capacity: Option<i32>,
}

/// Filters of the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct EventFilter {
    /// Only events that end on this day or later.
    pub from: Option<NaiveDate>,
    /// Only events that start on this day or earlier.
    pub to: Option<NaiveDate>,
    /// Only this form.
    pub kind: Option<EventKind>,
    /// Only this level.
    pub level: Option<EventLevel>,
    /// Only this organisation's events (its history, past included).
    pub org_id: Option<OrganisationId>,
    /// Only this status (drafts are the caller's organisation's).
    pub status: Option<EventStatus>,
    /// Words of the title.
    pub q: Option<String>,
}

/// A registration for an event open to the city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Registration {
    /// The registration's id.
    pub id: RegistrationId,
    /// The event.
    pub event_id: EventId,
    /// The registrant.
    pub user_id: UserId,
    /// Their name.
    pub full_name: String,
    /// Their organisation.
    pub org_id: OrganisationId,
    /// Its short name.
    pub org_name: String,
    /// Confirmed or cancelled.
    pub status: RegistrationStatus,
    /// The confirmation code to show at the entrance.
    pub code: String,
    /// Whether the organiser marked them present.
    pub attended: bool,
    /// When they registered (last).
    pub created_at: DateTime<Utc>,
}

/// Who attended: the ids of the present registrations; the others are marked absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct AttendanceInput {
    /// Confirmed registrations of this event.
    pub attended: Vec<RegistrationId>,
}

/// An attendee's answer about an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct EventFeedbackInput {
    /// Satisfaction, from very dissatisfied (1) to very satisfied (5).
    pub csat: u8,
    /// Free text; may be blank.
    #[serde(default)]
    pub comment: String,
}

/// A recorded answer about an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct EventFeedback {
    /// The event.
    pub event_id: EventId,
    /// Who answered.
    pub user_id: UserId,
    /// Satisfaction, 1 to 5.
    pub csat: u8,
    /// Free text.
    pub comment: String,
    /// When.
    pub created_at: DateTime<Utc>,
}
