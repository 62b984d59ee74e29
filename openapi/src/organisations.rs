//! Organisations: the schools of the municipality and its education committee.

use crate::ids::OrganisationId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// A general-education school (школа): a host of innovation work or a partner.
    School,
    /// The municipal education committee or regional department (комитет образования).
    Committee,
}

impl OrganisationKind {
    /// Every kind, in display order.
    pub const ALL: [Self; 2] = [Self::School, Self::Committee];

    /// The snake_case spelling used on the wire and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::School => "school",
            Self::Committee => "committee",
        }
    }

    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == value)
    }
}

/// An organisation as listed and shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Organisation {
    /// The organisation's id.
    pub id: OrganisationId,
    /// The full official name («МБОУ «СОШ № 61»»).
    pub name: String,
    /// A short name for lists («СОШ № 61»).
    pub short_name: String,
    /// School or committee.
    pub kind: OrganisationKind,
    /// The municipality (city or district) it belongs to.
    pub municipality: String,
    /// When it was registered (UTC).
    pub created_at: DateTime<Utc>,
}

/// The few fields of an organisation shown next to a user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct OrganisationSummary {
    /// The organisation's id.
    pub id: OrganisationId,
    /// The full official name.
    pub name: String,
    /// A short name for lists.
    pub short_name: String,
    /// School or committee.
    pub kind: OrganisationKind,
}

/// A new organisation, registered by a platform administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct CreateOrganisation {
    /// The full official name, unique.
    pub name: String,
    /// A short name for lists.
    pub short_name: String,
    /// School or committee.
    pub kind: OrganisationKind,
    /// The municipality.
    pub municipality: String,
}

/// Filters of the organisation list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct OrganisationFilter {
    /// Case-insensitive search in the name and short name.
    pub q: Option<String>,
    /// Only organisations of this kind.
    pub kind: Option<OrganisationKind>,
}
