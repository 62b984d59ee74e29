//! The five-step lifecycle of a resource (request → design → production → delivery →
//! satisfaction) and deliveries to consumer schools.

use crate::ids::{OrganisationId, ResourceId, UserId};
use crate::resources::Stage;
use crate::wire_enum;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A move of a resource to another stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct TransitionInput {
    /// The stage to move to: the next one (when the current step shows its evidence —
    /// design needs an accepted or answered request or a competitive assignment,
    /// production a design version with a file, delivery a product version with a file,
    /// satisfaction at least one delivery), or any earlier one with a reason.
    pub to: Stage,
    /// Why; required when going back.
    #[serde(default)]
    pub reason: Option<String>,
}

/// One recorded transition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Transition {
    /// The transition's id.
    pub id: i64,
    /// The resource.
    pub resource_id: ResourceId,
    /// The stage before.
    pub from: Stage,
    /// The stage after.
    pub to: Stage,
    /// Who moved it.
    pub actor_id: Option<UserId>,
    /// Their name.
    pub actor_name: Option<String>,
    /// Why (always given when going back).
    pub reason: Option<String>,
    /// When.
    pub at: DateTime<Utc>,
}

wire_enum! {
    /// How a resource reached the consumer.
    pub enum DeliveryForm {
        /// Handed over (materials sent or given).
        Handover = "handover",
        /// Through training (a course, a workshop).
        Training = "training",
        /// Through a consultation.
        Consultation = "consultation",
        /// At an event (open lesson, seminar, fair).
        Event = "event",
    }
}

/// A delivery of a resource version to a consumer school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Delivery {
    /// The delivery's id.
    pub id: i64,
    /// The resource.
    pub resource_id: ResourceId,
    /// Its title.
    pub resource_title: String,
    /// The version delivered.
    pub version_id: i64,
    /// The host school.
    pub org_id: OrganisationId,
    /// The consumer school.
    pub recipient_org_id: OrganisationId,
    /// Its short name.
    pub recipient_short_name: String,
    /// When it was delivered.
    pub delivered_on: NaiveDate,
    /// How.
    pub form: DeliveryForm,
    /// The contact person at the consumer school.
    pub contact: String,
    /// When the consumer confirmed receipt.
    pub confirmed_at: Option<DateTime<Utc>>,
    /// How many people it reached: the most feedback links it may have.
    pub recipients: u32,
    /// Feedback links issued for it so far.
    pub feedback_links: i64,
    /// How many satisfaction answers it has (in the app and by link).
    pub responses: i64,
    /// Whether the signed-in user has already answered about it (one answer per respondent).
    pub answered_by_me: bool,
    /// When it was recorded.
    pub created_at: DateTime<Utc>,
}

/// A new delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct DeliveryInput {
    /// A product version of the resource that holds a file.
    pub version_id: i64,
    /// The consumer: another school.
    pub recipient_org_id: OrganisationId,
    /// When, not in the future.
    pub delivered_on: NaiveDate,
    /// How.
    pub form: DeliveryForm,
    /// The contact person.
    pub contact: String,
    /// How many people it reached (teachers trained, copies handed over), 1–200; the
    /// receiving school issues at most this many feedback links. 1 when not given.
    #[serde(default)]
    pub recipients: Option<u32>,
}

/// Filters of the delivery list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct DeliveryFilter {
    /// Only this resource's deliveries.
    pub resource_id: Option<ResourceId>,
    /// Only deliveries to this school.
    pub recipient_org_id: Option<OrganisationId>,
    /// Only deliveries by this host school.
    pub org_id: Option<OrganisationId>,
}
