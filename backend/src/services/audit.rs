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

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::UserId;
    use openapi::organisations::OrganisationKind;

    fn actor(org: i64, roles: &[Role]) -> Actor {
        Actor {
            user_id: UserId(1),
            org_id: OrganisationId(org),
            org_kind: OrganisationKind::School,
            roles: roles.to_vec(),
            is_platform_admin: false,
        }
    }

    #[test]
    fn an_administrator_reads_their_own_schools_trail_and_no_other() {
        let director = actor(1, &[Role::Admin]);
        assert_eq!(scope(&director, None).ok(), Some(Some(OrganisationId(1))));
        assert_eq!(
            scope(&director, Some(OrganisationId(1))).ok(),
            Some(Some(OrganisationId(1)))
        );
        assert!(matches!(
            scope(&director, Some(OrganisationId(2))),
            Err(ApiError::Forbidden)
        ));
    }

    #[test]
    fn the_committee_reads_every_schools_trail_and_teachers_none() {
        let committee = actor(9, &[Role::Committee]);
        assert_eq!(scope(&committee, None).ok(), Some(None));
        assert_eq!(
            scope(&committee, Some(OrganisationId(2))).ok(),
            Some(Some(OrganisationId(2)))
        );
        assert!(matches!(
            scope(&actor(1, &[Role::Staff]), None),
            Err(ApiError::Forbidden)
        ));
    }
}
