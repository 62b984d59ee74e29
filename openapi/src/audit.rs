//! The audit trail (R24): who changed what, and when.

use crate::ids::{OrganisationId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// The entry's id; entries are listed newest first.
    pub id: i64,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// Who did it (absent for the system).
    pub actor_id: Option<UserId>,
    /// Their name at the time of reading.
    pub actor_name: Option<String>,
    /// The school whose record changed.
    pub org_id: Option<OrganisationId>,
    /// The kind of record (`project`, `resource`, `user`, …).
    pub entity: String,
    /// The record's id.
    pub entity_id: i64,
    /// What happened (`create`, `update`, `transition`, …).
    pub action: String,
    /// The record before the change (absent on creation).
    pub before: Option<serde_json::Value>,
    /// The record after the change.
    pub after: Option<serde_json::Value>,
}

/// Filters of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct AuditFilter {
    /// Only this school's records (the committee may read every school).
    pub org_id: Option<OrganisationId>,
    /// Only this kind of record.
    pub entity: Option<String>,
    /// Only this record (with `entity`).
    pub entity_id: Option<i64>,
}
