//! Consultations (Regulation 1.3 d): methodological support that a school gives another
//! school or the committee. The recipient asks; the host school schedules or declines
//! the request and records the session as held, with its outcome and follow-ups; the
//! recipient's staff then rate it like a delivery. A host may also record a consultation
//! it gave without a request.

use crate::wire_enum;
use crate::{ConsultationId, OrganisationId, ResourceId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum! {
    /// Where a consultation stands.
    pub enum ConsultationStatus {
        /// Asked for by the recipient, waiting for the host school.
        Requested = "requested",
        /// The host school set a day, a form and a place.
        Scheduled = "scheduled",
        /// It took place; its outcome is recorded and the recipient may rate it.
        Held = "held",
        /// The host school declined the request, with a reason.
        Declined = "declined",
        /// Called off by either side, with a reason.
        Cancelled = "cancelled",
    }
}

wire_enum! {
    /// How a consultation is held.
    pub enum ConsultationForm {
        /// In person, at a place.
        InPerson = "in_person",
        /// Online, by a link.
        Online = "online",
    }
}

wire_enum! {
    /// Which side of a consultation an organisation is on.
    pub enum ConsultationRole {
        /// The consulting school.
        Host = "host",
        /// The school (or the committee) that receives the support.
        Recipient = "recipient",
    }
}

/// What the recipient's staff said about a held consultation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ConsultationRatings {
    /// Answers given.
    pub responses: i64,
    /// The mean satisfaction, 1 to 5, with one decimal; absent without answers.
    pub csat_mean: Option<f64>,
    /// The mean likelihood to recommend, 0 to 10, with one decimal; absent without answers.
    pub recommend_mean: Option<f64>,
    /// Answers ready to recommend the host school's support.
    pub ready: i64,
}

/// A consultation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Consultation {
    /// The consultation's id.
    pub id: ConsultationId,
    /// The consulting school.
    pub host_org_id: OrganisationId,
    /// Its short name.
    pub host_short_name: String,
    /// The school (or the committee) that receives the support.
    pub recipient_org_id: OrganisationId,
    /// Its short name.
    pub recipient_short_name: String,
    /// The host school's resource it is about, if any.
    pub resource_id: Option<ResourceId>,
    /// That resource's title.
    pub resource_title: Option<String>,
    /// The topic.
    pub topic: String,
    /// What support is asked for; blank for a consultation recorded without a request.
    pub question: String,
    /// Where it stands.
    pub status: ConsultationStatus,
    /// The day it is scheduled for.
    pub scheduled_on: Option<NaiveDate>,
    /// The day it was held.
    pub held_on: Option<NaiveDate>,
    /// In person or online, once scheduled or held.
    pub form: Option<ConsultationForm>,
    /// The place, or the link of an online session; may be blank.
    pub place: String,
    /// Who consults: names and positions of the host school's staff; may be blank
    /// until it is held.
    pub consultants: String,
    /// Who took part on the recipient's side: names and positions; may be blank.
    pub participants: String,
    /// How many took part on the recipient's side, once held.
    pub participant_count: Option<i32>,
    /// What was achieved, once held.
    pub outcome: String,
    /// The follow-up actions agreed (what, who, by when); may be blank.
    pub follow_ups: String,
    /// Why it was declined or cancelled.
    pub reason: Option<String>,
    /// Who asked for it (absent for one recorded by the host without a request).
    pub requested_by: Option<UserId>,
    /// The recipient's answers about it.
    pub ratings: ConsultationRatings,
    /// When it was recorded.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// A request for a consultation, filed by the recipient's side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ConsultationRequestInput {
    /// The school asked for support: a school other than the recipient.
    pub host_org_id: OrganisationId,
    /// The recipient: the caller's own organisation when omitted; the committee may name
    /// a school it asks support for.
    #[serde(default)]
    pub recipient_org_id: Option<OrganisationId>,
    /// A resource of the host school it is about.
    #[serde(default)]
    pub resource_id: Option<ResourceId>,
    /// The topic.
    pub topic: String,
    /// What support is asked for.
    pub question: String,
}

/// The host school's schedule of a requested (or rescheduled) consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ScheduleInput {
    /// The day, not in the past.
    pub scheduled_on: NaiveDate,
    /// In person or online.
    pub form: ConsultationForm,
    /// The place, or the link of an online session.
    #[serde(default)]
    pub place: String,
    /// Who will consult.
    #[serde(default)]
    pub consultants: String,
}

/// Why a consultation is declined or cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ConsultationReasonInput {
    /// The reason, shown to the other side.
    pub reason: String,
}

/// A consultation as it was held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct HeldInput {
    /// The day it was held, not in the future.
    pub held_on: NaiveDate,
    /// In person or online.
    pub form: ConsultationForm,
    /// The place, or the link of an online session.
    #[serde(default)]
    pub place: String,
    /// Who consulted: names and positions.
    pub consultants: String,
    /// Who took part on the recipient's side: names and positions.
    #[serde(default)]
    pub participants: String,
    /// How many took part on the recipient's side.
    pub participant_count: i32,
    /// What was achieved.
    pub outcome: String,
    /// The follow-up actions agreed (what, who, by when).
    #[serde(default)]
    pub follow_ups: String,
}

/// A consultation the host school gave without a request, recorded as held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct GivenConsultationInput {
    /// The school (or the committee) that received the support.
    pub recipient_org_id: OrganisationId,
    /// A resource of the host school it was about.
    #[serde(default)]
    pub resource_id: Option<ResourceId>,
    /// The topic.
    pub topic: String,
    /// How it was held.
    pub held: HeldInput,
}

/// Filters of the consultation list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct ConsultationFilter {
    /// Only those where the organisation is the host (outgoing support) or the recipient
    /// (incoming); both when absent.
    pub role: Option<ConsultationRole>,
    /// Only this status.
    pub status: Option<ConsultationStatus>,
    /// Search in the topic and the question.
    pub q: Option<String>,
    /// The organisation whose consultations are listed: the caller's own when absent;
    /// the committee may name any (and sees every consultation without it and `role`).
    pub org_id: Option<OrganisationId>,
}

/// A host school's consultations held within a period, for the dissemination metrics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ConsultationCounts {
    /// Consultations held.
    pub held: i64,
    /// Distinct organisations that received them.
    pub recipients: i64,
    /// Participants on the recipients' side, together.
    pub participants: i64,
    /// The recipients' answers about them.
    pub ratings: ConsultationRatings,
}
