//! Who may do what: every authorisation decision of the API is made here, as a pure
//! function of the signed-in actor and the record's organisation. The web app asks the
//! same functions which pages and buttons to show.

use openapi::organisations::OrganisationKind;
use openapi::users::Me;
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

impl From<&Me> for Actor {
    /// The signed-in user as the web app knows them.
    fn from(me: &Me) -> Self {
        Self {
            user_id: me.id,
            org_id: me.organisation.id,
            org_kind: me.organisation.kind,
            roles: me.roles.clone(),
            is_platform_admin: me.is_platform_admin,
        }
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

/// Reading every school's work, and choosing which school's: the committee.
pub fn reads_every_school(actor: &Actor) -> bool {
    actor.has(Role::Committee)
}

/// Reading a school's innovation work (projects, internal resources): its staff, council,
/// administration and supervisors, and the committee. Partner-only accounts see only
/// what is published or delivered to them.
pub fn can_read_school_work(actor: &Actor, org: OrganisationId) -> bool {
    reads_every_school(actor)
        || (actor.org_id == org
            && actor
                .roles
                .iter()
                .any(|role| matches!(role, Role::Admin | Role::Council | Role::Staff | Role::Supervisor)))
}

/// Registering and changing a school's projects: its administration and council.
pub fn can_manage_projects(actor: &Actor, org: OrganisationId) -> bool {
    actor.org_id == org && (actor.has(Role::Admin) || actor.has(Role::Council))
}

/// Registering and changing a school's resources: its administration, council and staff.
pub fn can_edit_resources(actor: &Actor, org: OrganisationId) -> bool {
    actor.org_id == org && (actor.has(Role::Admin) || actor.has(Role::Council) || actor.has(Role::Staff))
}

/// Reading one resource: a published one is open to every signed-in user.
pub fn can_read_resource(actor: &Actor, org: OrganisationId, published: bool) -> bool {
    published || can_read_school_work(actor, org)
}

/// Filing a consumer request: a partner school's staff, or the committee (the customer).
pub fn can_file_request(actor: &Actor) -> bool {
    actor.has(Role::Partner) || actor.has(Role::Committee)
}

/// Reading a request: the requesting organisation, the addressed school's staff, any
/// school's staff while it is open to the catalogue, and the committee.
pub fn can_read_request(actor: &Actor, requester: OrganisationId, target: Option<OrganisationId>, open: bool) -> bool {
    actor.has(Role::Committee)
        || actor.org_id == requester
        || match target {
            Some(target) => can_read_school_work(actor, target),
            None => open && can_read_school_work(actor, actor.org_id),
        }
}

/// Deciding requests on behalf of a school: whoever may change its resources.
pub fn can_decide_requests(actor: &Actor) -> bool {
    can_edit_resources(actor, actor.org_id)
}

/// Seeing a delivery: the consumer school, the host school's staff, and the committee.
pub fn can_read_delivery(actor: &Actor, host: OrganisationId, recipient: OrganisationId) -> bool {
    actor.org_id == recipient || actor.has(Role::Committee) || can_read_school_work(actor, host)
}

/// Confirming or rating a delivery on behalf of the consumer school: its partner staff
/// or administration.
pub fn can_answer_for_recipient(actor: &Actor, recipient: OrganisationId) -> bool {
    actor.org_id == recipient && (actor.has(Role::Partner) || actor.has(Role::Admin))
}

/// Listing and editing the problems of a school's ranking: its council and administration.
pub fn can_list_problems(actor: &Actor, org: OrganisationId) -> bool {
    actor.org_id == org && (actor.has(Role::Admin) || actor.has(Role::Council))
}

/// Scoring the problems of a school's ranking: its council members only.
pub fn can_score_problems(actor: &Actor, org: OrganisationId) -> bool {
    actor.org_id == org && actor.has(Role::Council)
}

/// Decisions that are the director's: freezing a ranking, approving a structure's
/// composition, issuing an order. The school's administration.
pub fn is_director_of(actor: &Actor, org: OrganisationId) -> bool {
    actor.org_id == org && actor.has(Role::Admin)
}

/// Reviewing a school's document package: its council.
pub fn can_review_package(actor: &Actor, org: OrganisationId) -> bool {
    actor.org_id == org && actor.has(Role::Council)
}

/// Commenting in the review threads of a school's package: its administration, council,
/// staff and supervisors.
pub fn can_comment_package(actor: &Actor, org: OrganisationId) -> bool {
    actor.org_id == org
        && actor
            .roles
            .iter()
            .any(|role| matches!(role, Role::Admin | Role::Council | Role::Staff | Role::Supervisor))
}

/// Reading the audit trail of a school: its administration, and the committee for every school.
pub fn can_read_audit(actor: &Actor, org: OrganisationId) -> bool {
    actor.has(Role::Committee) || (actor.org_id == org && actor.has(Role::Admin))
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
    fn school_work_is_read_by_its_staff_and_the_committee_but_not_partners_or_other_schools() {
        let own = OrganisationId(1);
        for role in [Role::Admin, Role::Council, Role::Staff, Role::Supervisor] {
            assert!(can_read_school_work(&actor(1, &[role], false), own), "{role:?}");
            assert!(
                !can_read_school_work(&actor(2, &[role], false), own),
                "{role:?} of another school"
            );
        }
        assert!(!can_read_school_work(&actor(1, &[Role::Partner], false), own));
        assert!(can_read_school_work(&actor(9, &[Role::Committee], false), own));
        assert!(
            !can_read_school_work(&actor(9, &[Role::Admin], true), own),
            "platform operators are not readers"
        );
    }

    #[test]
    fn the_committee_reads_but_never_writes_school_work() {
        let committee = actor(1, &[Role::Committee], false);
        assert!(!can_manage_projects(&committee, OrganisationId(1)));
        assert!(!can_edit_resources(&committee, OrganisationId(1)));
        assert!(can_read_audit(&committee, OrganisationId(5)));
    }

    #[test]
    fn projects_are_managed_by_admin_and_council_and_resources_also_by_staff() {
        let own = OrganisationId(1);
        assert!(can_manage_projects(&actor(1, &[Role::Council], false), own));
        assert!(!can_manage_projects(&actor(1, &[Role::Staff], false), own));
        assert!(can_edit_resources(&actor(1, &[Role::Staff], false), own));
        assert!(!can_edit_resources(&actor(1, &[Role::Supervisor], false), own));
        assert!(!can_edit_resources(&actor(2, &[Role::Admin], false), own));
        assert!(can_read_resource(&actor(2, &[Role::Partner], false), own, true));
        assert!(!can_read_resource(&actor(2, &[Role::Partner], false), own, false));
    }

    #[test]
    fn requests_are_filed_by_partners_and_the_committee_and_read_by_both_sides() {
        let partner = actor(2, &[Role::Partner], false);
        let host = actor(1, &[Role::Staff], false);
        let stranger = actor(3, &[Role::Staff], false);
        assert!(can_file_request(&partner) && !can_file_request(&host));
        let (requester, target) = (OrganisationId(2), Some(OrganisationId(1)));
        assert!(can_read_request(&partner, requester, target, true));
        assert!(can_read_request(&host, requester, target, true));
        assert!(!can_read_request(&stranger, requester, target, true));
        assert!(
            can_read_request(&stranger, requester, None, true),
            "an open request is seen by every school"
        );
        assert!(!can_read_request(&stranger, requester, None, false));
        assert!(can_decide_requests(&host) && !can_decide_requests(&partner));
    }

    #[test]
    fn a_delivery_is_seen_by_both_schools_and_the_committee_and_answered_by_the_recipient() {
        let (host, recipient) = (OrganisationId(1), OrganisationId(2));
        let partner = actor(2, &[Role::Partner], false);
        let host_staff = actor(1, &[Role::Staff], false);
        let stranger = actor(3, &[Role::Partner], false);
        assert!(can_read_delivery(&partner, host, recipient) && can_read_delivery(&host_staff, host, recipient));
        assert!(can_read_delivery(&actor(9, &[Role::Committee], false), host, recipient));
        assert!(!can_read_delivery(&stranger, host, recipient));
        assert!(can_answer_for_recipient(&partner, recipient));
        assert!(!can_answer_for_recipient(&host_staff, recipient));
        assert!(!can_answer_for_recipient(&actor(2, &[Role::Staff], false), recipient));
    }

    #[test]
    fn users_read_themselves_but_not_colleagues() {
        let teacher = actor(1, &[Role::Staff], false);
        assert!(can_read_user(&teacher, teacher.user_id, OrganisationId(1)));
        assert!(!can_read_user(&teacher, UserId(5), OrganisationId(1)));
        assert!(can_read_organisations(&teacher));
    }

    #[test]
    fn the_web_app_asks_about_its_signed_in_user_as_the_server_does() {
        let me = Me {
            id: UserId(7),
            email: "director@sch61.demo".into(),
            full_name: "Петрова Елена Викторовна".into(),
            organisation: openapi::organisations::OrganisationSummary {
                id: OrganisationId(1),
                name: "МБОУ «СОШ № 61»".into(),
                short_name: "СОШ № 61".into(),
                kind: OrganisationKind::School,
            },
            roles: vec![Role::Admin],
            is_platform_admin: false,
            locale: openapi::users::Locale::Ru,
            version: 1,
        };
        let actor = Actor::from(&me);
        assert_eq!(
            actor,
            Actor {
                user_id: UserId(7),
                ..actor_at(1, &[Role::Admin])
            }
        );
        assert!(is_director_of(&actor, OrganisationId(1)));
        assert!(
            can_answer_for_recipient(&actor, OrganisationId(1)),
            "the administration answers too"
        );
        assert!(!can_manage_projects(&actor, OrganisationId(2)));
    }

    fn actor_at(org: i64, roles: &[Role]) -> Actor {
        actor(org, roles, false)
    }
}
