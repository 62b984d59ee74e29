//! Consumer requests (Regulation 2.1, step 1): a partner school or the committee asks a
//! school (or the whole catalogue) for a resource; the host school accepts, declines or
//! answers with an existing resource.

use crate::ids::{OrganisationId, ResourceId, UserId};
use crate::resources::ResourceForm;
use crate::wire_enum;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum! {
    /// Where a request stands.
    pub enum RequestStatus {
        /// Filed, waiting for a host school.
        Submitted = "submitted",
        /// A host school took it on, naming the resource that will answer it.
        Accepted = "accepted",
        /// The addressed school declined it, with a reason.
        Declined = "declined",
        /// A host school answered it with an existing resource.
        Answered = "answered",
    }
}

wire_enum! {
    /// Which requests to list.
    pub enum RequestBox {
        /// Requests addressed to my school, and open requests to the catalogue.
        Inbox = "inbox",
        /// Requests my school filed.
        Outbox = "outbox",
    }
}

/// One status change of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct RequestEvent {
    /// The new status.
    pub status: RequestStatus,
    /// Who changed it.
    pub actor_id: Option<UserId>,
    /// Their organisation's short name.
    pub org_short_name: Option<String>,
    /// The reason or note given.
    pub note: Option<String>,
    /// When.
    pub at: DateTime<Utc>,
}

/// A consumer request with its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ConsumerRequest {
    /// The request's id.
    pub id: i64,
    /// The school (or committee) that asks.
    pub requester_org_id: OrganisationId,
    /// Its short name.
    pub requester_org_short_name: String,
    /// The person who filed it.
    pub requester_id: UserId,
    /// The school asked; absent for an open request to the catalogue until a school takes it.
    pub target_org_id: Option<OrganisationId>,
    /// Its short name.
    pub target_org_short_name: Option<String>,
    /// The resource requested from the catalogue, or the one that answers it.
    pub resource_id: Option<ResourceId>,
    /// That resource's title.
    pub resource_title: Option<String>,
    /// What is needed.
    pub need: String,
    /// For whom (pupils, teachers of which subjects and grades).
    pub audience: String,
    /// The form wished for.
    pub desired_form: Option<ResourceForm>,
    /// Wished-for deadline.
    pub deadline: Option<NaiveDate>,
    /// Where it stands.
    pub status: RequestStatus,
    /// The decline reason or the answer's note.
    pub decision_note: Option<String>,
    /// Every status change, oldest first.
    pub events: Vec<RequestEvent>,
    /// When it was filed.
    pub created_at: DateTime<Utc>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// A new request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct RequestInput {
    /// What is needed.
    pub need: String,
    /// For whom.
    pub audience: String,
    /// The form wished for.
    #[serde(default)]
    pub desired_form: Option<ResourceForm>,
    /// Wished-for deadline, not in the past.
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    /// The school asked (a school other than one's own); absent: an open request to the catalogue.
    #[serde(default)]
    pub target_org_id: Option<OrganisationId>,
    /// A published resource asked for from the catalogue; its school becomes the target.
    #[serde(default)]
    pub resource_id: Option<ResourceId>,
}

/// A host school's decision on a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum RequestDecision {
    /// Take it on: the school's resource that will answer it (it enters design with this evidence).
    Accept {
        /// A resource of the deciding school.
        resource_id: ResourceId,
    },
    /// Decline it (only a request addressed to this school), with a reason.
    Decline {
        /// Why.
        reason: String,
    },
    /// Answer it with an existing resource of the school.
    Answer {
        /// A resource of the deciding school.
        resource_id: ResourceId,
        /// A note for the requester; may be blank.
        #[serde(default)]
        note: Option<String>,
    },
}

impl RequestDecision {
    /// The verb the audit trail records for this decision.
    pub fn verb(&self) -> &'static str {
        match self {
            Self::Accept { .. } => "accept",
            Self::Decline { .. } => "decline",
            Self::Answer { .. } => "answer",
        }
    }
}

/// Filters of the request list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct RequestFilter {
    /// Inbox or outbox; the committee sees every request when absent.
    #[serde(rename = "box")]
    pub mailbox: Option<RequestBox>,
    /// Only this status.
    pub status: Option<RequestStatus>,
    /// Search in the need and audience.
    pub q: Option<String>,
}
