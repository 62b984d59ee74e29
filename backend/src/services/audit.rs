//! The audit trail: who changed what and when.

use super::{Caller, Outcome};
use crate::db::DbConnection;
use crate::db::models::{PageRequest, audit};
use crate::domain::policy::{self, Actor};
use crate::error::ApiError;
use openapi::audit::{AuditEntry, AuditFilter};
use openapi::users::Role;
use openapi::{OrganisationId, Page, PageQuery};

/// Recorded changes, newest first: a school administrator reads their school's trail,
/// the committee every school's (or the one it asks for).
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    page: &PageQuery,
    filter: &AuditFilter,
) -> Outcome<Page<AuditEntry>> {
    let page = PageRequest::parse(page)?;
    let org = scope(&caller.actor, filter.org_id)?;
    let (items, total) = audit::list(conn, filter, org, page)?;
    Ok(page.wrap(items, total))
}

/// The school whose trail is read (`None`: every school, for the committee when it asks
/// for none); `403` when the actor may not read the asked (or their own) school's trail.
fn scope(actor: &Actor, requested: Option<OrganisationId>) -> Outcome<Option<OrganisationId>> {
    let org = match requested {
        None if actor.has(Role::Committee) => None,
        requested => Some(requested.unwrap_or(actor.org_id)),
    };
    match org {
        Some(org) if !policy::can_read_audit(actor, org) => Err(ApiError::Forbidden),
        org => Ok(org),
    }
}
