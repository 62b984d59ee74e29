//! Who may do what: the pure rules live in [`rules::policy`], shared with the web app;
//! this module re-exports them and adds the decisions that answer with a domain error.

pub use rules::policy::*;

use crate::domain::error::DomainError;
use openapi::OrganisationId;

/// The school a list of school work is limited to: none for the committee (every school,
/// or the one it asks for), the actor's own school for school staff. `None` in the
/// result means "every school"; `Forbidden` means the actor may not read the asked school.
pub fn school_work_scope(
    actor: &Actor,
    requested: Option<OrganisationId>,
) -> Result<Option<OrganisationId>, DomainError> {
    if reads_every_school(actor) {
        return Ok(requested);
    }
    let org = requested.unwrap_or(actor.org_id);
    if can_read_school_work(actor, org) {
        Ok(Some(org))
    } else {
        Err(DomainError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::UserId;
    use openapi::organisations::OrganisationKind;
    use openapi::users::Role;

    fn actor(org: i64, roles: &[Role], platform: bool) -> Actor {
        Actor {
            user_id: UserId(100 + org),
            org_id: OrganisationId(org),
            org_kind: OrganisationKind::School,
            roles: roles.to_vec(),
            is_platform_admin: platform,
        }
    }

    #[test]
    fn lists_of_school_work_are_scoped_to_the_own_school_except_for_the_committee() {
        let staff = actor(1, &[Role::Staff], false);
        assert_eq!(school_work_scope(&staff, None).ok(), Some(Some(OrganisationId(1))));
        assert!(matches!(
            school_work_scope(&staff, Some(OrganisationId(2))),
            Err(crate::domain::error::DomainError::Forbidden)
        ));
        assert!(matches!(
            school_work_scope(&actor(1, &[Role::Partner], false), None),
            Err(crate::domain::error::DomainError::Forbidden)
        ));
        let committee = actor(9, &[Role::Committee], false);
        assert_eq!(school_work_scope(&committee, None).ok(), Some(None));
        assert_eq!(
            school_work_scope(&committee, Some(OrganisationId(2))).ok(),
            Some(Some(OrganisationId(2)))
        );
    }
}
