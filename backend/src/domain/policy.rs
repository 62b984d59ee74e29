//! Who may do what: every authorisation decision of the API is made here, as a pure
//! function of the signed-in actor and the record's organisation.

use openapi::organisations::OrganisationKind;
use openapi::{OrganisationId, UserId, users::Role};

/// The signed-in user, as far as authorisation cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The user's id.
    pub user_id: UserId,
    /// The user's organisation.
    pub org_id: OrganisationId,
    /// What that organisation is.
    pub org_kind: OrganisationKind,
    /// The user's roles there.
    pub roles: Vec<Role>,
    /// An operator of the whole platform.
    pub is_platform_admin: bool,
}

impl Actor {
    /// Whether the actor holds a role.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// Organisations: every signed-in user may list and read them (partners pick schools,
/// schools pick partners).
pub fn can_read_organisations(_actor: &Actor) -> bool {
    true
}

/// Only platform administrators register organisations.
pub fn can_create_organisation(actor: &Actor) -> bool {
    actor.is_platform_admin
}

/// User management of an organisation: its own administrator, or a platform administrator.
pub fn can_manage_users_of(actor: &Actor, org: OrganisationId) -> bool {
    actor.is_platform_admin || (actor.has(Role::Admin) && actor.org_id == org)
}

/// Reading one account: the user themselves, or whoever manages the organisation's users.
pub fn can_read_user(actor: &Actor, user: UserId, user_org: OrganisationId) -> bool {
    actor.user_id == user || can_manage_users_of(actor, user_org)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_school_admin_manages_only_their_own_school() {
        let admin = actor(1, &[Role::Admin], false);
        assert!(can_manage_users_of(&admin, OrganisationId(1)));
        assert!(!can_manage_users_of(&admin, OrganisationId(2)));
    }

    #[test]
    fn no_other_role_manages_users() {
        for role in Role::ALL.into_iter().filter(|role| *role != Role::Admin) {
            assert!(
                !can_manage_users_of(&actor(1, &[role], false), OrganisationId(1)),
                "{role:?}"
            );
        }
    }

    #[test]
    fn a_platform_admin_manages_every_organisation_and_registers_new_ones() {
        let operator = actor(9, &[Role::Committee], true);
        assert!(can_manage_users_of(&operator, OrganisationId(1)));
        assert!(can_create_organisation(&operator));
        assert!(!can_create_organisation(&actor(1, &[Role::Admin], false)));
    }

    #[test]
    fn users_read_themselves_but_not_colleagues() {
        let teacher = actor(1, &[Role::Staff], false);
        assert!(can_read_user(&teacher, teacher.user_id, OrganisationId(1)));
        assert!(!can_read_user(&teacher, UserId(5), OrganisationId(1)));
        assert!(can_read_organisations(&teacher));
    }
}
