//! The order (приказ) on innovation activity for a school year (Regulation 4.5): drafted
//! from the approved package, issued by the director, immutable once issued.

use crate::wire_enum;
use crate::{OrganisationId, ProjectId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum! {
    /// Where an order stands.
    pub enum OrderStatus {
        /// Being prepared; may change.
        Draft = "draft",
        /// Signed and issued; never changes (a change is a new order).
        Issued = "issued",
    }
}

/// A participant of the innovation activity named in an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct OrderParticipant {
    /// The person's name.
    pub name: String,
    /// The structure they belong to.
    pub structure: String,
    /// Their function there (as its wire spelling: head, secretary, member, expert).
    pub function: crate::structures::MemberFunction,
    /// Their competence: what they are responsible for.
    pub competence: String,
}

/// An order of a school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Order {
    /// The order's id.
    pub id: i64,
    /// The school.
    pub org_id: OrganisationId,
    /// The school's full name, as in the order's header.
    pub org_name: String,
    /// The project.
    pub project_id: ProjectId,
    /// The order's number («45-о»), unique within the school.
    pub number: String,
    /// Its date.
    pub issued_on: NaiveDate,
    /// The school year, by the year it starts.
    pub school_year: i32,
    /// The title («Об организации инновационной деятельности …»).
    pub title: String,
    /// The numbered points, in order.
    pub points: Vec<String>,
    /// The participants and their competence, from the project's approved structures.
    pub participants: Vec<OrderParticipant>,
    /// Who signs.
    pub signatory_name: String,
    /// Their position («Директор»).
    pub signatory_position: String,
    /// Draft or issued.
    pub status: OrderStatus,
    /// The issued order this one replaces.
    pub supersedes_id: Option<i64>,
    /// Who issued it.
    pub issued_by: Option<UserId>,
    /// When it was issued.
    pub issued_at: Option<DateTime<Utc>>,
    /// When it was drafted.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// A new draft, or the whole new state of a draft. Without `title` or `points` the draft
/// takes the standard title and points drafted from the project's directions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct OrderInput {
    /// Unique within the school.
    pub number: String,
    /// The order's date.
    pub issued_on: NaiveDate,
    /// Within the project's school years.
    pub school_year: i32,
    /// Blank or missing for the standard title.
    #[serde(default)]
    pub title: Option<String>,
    /// The points of the order.
    #[serde(default)]
    pub points: Option<Vec<String>>,
    /// Who signs the order.
    pub signatory_name: String,
    /// The signatory's position.
    pub signatory_position: String,
    /// An issued order of the same project that this one replaces.
    #[serde(default)]
    pub supersedes_id: Option<i64>,
}
