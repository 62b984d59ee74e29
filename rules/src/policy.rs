//! Who may do what: every authorisation decision of the API is made here, as a pure
//! function of the signed-in actor and the record's organisation. The web app asks the
//! same functions which pages and buttons to show.

use openapi::organisations::OrganisationKind;
use openapi::users::Me;
use openapi::{FieldError, FieldErrorCode, OrganisationId, UserId, users::Role};

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

    /// How much the actor's own account may do.
    pub fn rank(&self) -> Rank {
        rank_of(&self.roles, self.is_platform_admin)
    }
}

/// How much an account may do, for deciding who may manage whom: an account is managed
/// only by someone of at least its rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// Any account without the administrator role.
    Member,
    /// An organisation's administrator: manages the organisation's accounts.
    Administrator,
    /// A platform administrator: manages every organisation and registers new ones.
    Platform,
}

/// The rank of an account with these roles and platform flag.
pub fn rank_of(roles: &[Role], is_platform_admin: bool) -> Rank {
    if is_platform_admin {
        Rank::Platform
    } else if roles.contains(&Role::Admin) {
        Rank::Administrator
    } else {
        Rank::Member
    }
}

/// Whether the actor acts for this school: a member of it, and it is a school. The
/// committee's own accounts never act as a school, whatever roles they hold.
pub fn acts_for_school(actor: &Actor, org: OrganisationId) -> bool {
    actor.org_kind == OrganisationKind::School && actor.org_id == org
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

/// Managing one account (changing it, resetting its password, deactivating it): whoever
/// manages its organisation's users, if the account does not outrank them. Only a
/// platform administrator manages a platform administrator.
pub fn can_manage_account(actor: &Actor, org: OrganisationId, target: Rank) -> bool {
    can_manage_users_of(actor, org) && target <= actor.rank()
}

/// The roles an account is created with or given: never more power than the actor's
/// own (a refusal on `roles`). `is_platform_admin` is the account's platform flag,
/// which the API never grants.
pub fn check_granted_roles(actor: &Actor, roles: &[Role], is_platform_admin: bool) -> Result<(), FieldError> {
    if rank_of(roles, is_platform_admin) <= actor.rank() {
        Ok(())
    } else {
        Err(FieldError {
            field: "roles".to_owned(),
            code: FieldErrorCode::NotAllowed,
            message: "an account cannot be given more power than your own".to_owned(),
        })
    }
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
        || (acts_for_school(actor, org)
            && actor
                .roles
                .iter()
                .any(|role| matches!(role, Role::Admin | Role::Council | Role::Staff | Role::Supervisor)))
}

/// Registering and changing a school's projects: its administration and council.
pub fn can_manage_projects(actor: &Actor, org: OrganisationId) -> bool {
    acts_for_school(actor, org) && (actor.has(Role::Admin) || actor.has(Role::Council))
}

/// Registering and changing a school's resources: its administration, council and staff.
pub fn can_edit_resources(actor: &Actor, org: OrganisationId) -> bool {
    acts_for_school(actor, org) && (actor.has(Role::Admin) || actor.has(Role::Council) || actor.has(Role::Staff))
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
    acts_for_school(actor, recipient) && (actor.has(Role::Partner) || actor.has(Role::Admin))
}

/// Listing and editing the problems of a school's ranking: its council and administration.
pub fn can_list_problems(actor: &Actor, org: OrganisationId) -> bool {
    acts_for_school(actor, org) && (actor.has(Role::Admin) || actor.has(Role::Council))
}

/// Scoring the problems of a school's ranking: its council members only.
pub fn can_score_problems(actor: &Actor, org: OrganisationId) -> bool {
    acts_for_school(actor, org) && actor.has(Role::Council)
}

/// Decisions that are the director's: freezing a ranking, approving a structure's
/// composition, issuing an order. The school's administration.
pub fn is_director_of(actor: &Actor, org: OrganisationId) -> bool {
    acts_for_school(actor, org) && actor.has(Role::Admin)
}

/// Reviewing a school's document package: its council.
pub fn can_review_package(actor: &Actor, org: OrganisationId) -> bool {
    acts_for_school(actor, org) && actor.has(Role::Council)
}

/// Commenting in the review threads of a school's package: its administration, council,
/// staff and supervisors.
pub fn can_comment_package(actor: &Actor, org: OrganisationId) -> bool {
    acts_for_school(actor, org)
        && actor
            .roles
            .iter()
            .any(|role| matches!(role, Role::Admin | Role::Council | Role::Staff | Role::Supervisor))
}

/// Reading the audit trail of a school: its administration, and the committee for every school.
pub fn can_read_audit(actor: &Actor, org: OrganisationId) -> bool {
    actor.has(Role::Committee) || (actor.org_id == org && actor.has(Role::Admin))
}

/// Enrolling oneself in a training cohort: anyone who acts for a school (its staff,
/// council, administration, supervisors and partner teachers), whichever school hosts it.
pub fn can_enrol_self(actor: &Actor) -> bool {
    actor.org_kind == OrganisationKind::School && !actor.roles.is_empty()
}

/// Enrolling another person of school `teacher_org` in a cohort: only that school's
/// administration, for its own teachers. A host never enrols people of another school.
pub fn can_enrol_teacher(actor: &Actor, teacher_org: OrganisationId) -> bool {
    is_director_of(actor, teacher_org)
}

/// Withdrawing another teacher of school `teacher_org` from a cohort of school `host`:
/// the teacher's school's administration, or the host's staff who run it.
pub fn can_withdraw_others(actor: &Actor, teacher_org: OrganisationId, host: OrganisationId) -> bool {
    is_director_of(actor, teacher_org) || can_edit_resources(actor, host)
}

/// Reading an enrolment (and its certificate): the teacher, their school's
/// administration, the host school's staff, and the committee.
pub fn can_read_enrolment(actor: &Actor, teacher: UserId, teacher_org: OrganisationId, host: OrganisationId) -> bool {
    actor.user_id == teacher || is_director_of(actor, teacher_org) || can_read_school_work(actor, host)
}

/// Reading the training hours of a school's teachers: its administration and council,
/// and the committee.
pub fn can_read_school_training(actor: &Actor, org: OrganisationId) -> bool {
    reads_every_school(actor) || can_manage_projects(actor, org)
}

/// Organising an organisation's events (creating, changing, publishing, cancelling them,
/// marking attendance, materials): a school's administration, council and teachers, or
/// the committee's specialists for the committee's own events.
pub fn can_manage_events(actor: &Actor, org: OrganisationId) -> bool {
    can_edit_resources(actor, org)
        || (actor.org_kind == OrganisationKind::Committee && actor.org_id == org && actor.has(Role::Committee))
}

/// Presenting a stand of the actor's school at a fair: whoever changes its resources.
pub fn can_present_stands(actor: &Actor) -> bool {
    can_edit_resources(actor, actor.org_id)
}

/// Rating a fair stand: any signed-in user who is not of the stand's school.
pub fn can_rate_stand(actor: &Actor, stand_org: OrganisationId) -> bool {
    actor.org_id != stand_org
}

/// Acting for the recipient of a consultation (asking for it, calling it off, rating
/// it): a school's administration, council, teachers or partner staff; for the committee,
/// its specialists.
pub fn acts_for_consultation_recipient(actor: &Actor, recipient: OrganisationId) -> bool {
    if actor.org_id != recipient {
        return false;
    }
    match actor.org_kind {
        OrganisationKind::School => actor
            .roles
            .iter()
            .any(|role| matches!(role, Role::Admin | Role::Council | Role::Staff | Role::Partner)),
        OrganisationKind::Committee => actor.has(Role::Committee),
    }
}

/// Asking a school for a consultation for `recipient`: whoever acts for the recipient;
/// the committee also for any school.
pub fn can_request_consultation(actor: &Actor, recipient: OrganisationId) -> bool {
    acts_for_consultation_recipient(actor, recipient) || (recipient != actor.org_id && reads_every_school(actor))
}

/// Consulting for a host school (scheduling, declining, recording): whoever may change
/// its resources.
pub fn can_consult_for(actor: &Actor, host: OrganisationId) -> bool {
    can_edit_resources(actor, host)
}

/// Reading a consultation: both sides' staff and the committee.
pub fn can_read_consultation(actor: &Actor, host: OrganisationId, recipient: OrganisationId) -> bool {
    can_read_school_work(actor, host)
        || can_read_school_work(actor, recipient)
        || acts_for_consultation_recipient(actor, recipient)
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

    fn committee_member(roles: &[Role], platform: bool) -> Actor {
        Actor {
            org_kind: OrganisationKind::Committee,
            ..actor(9, roles, platform)
        }
    }

    #[test]
    fn ranks_order_members_below_administrators_below_platform_administrators() {
        assert_eq!(rank_of(&[Role::Staff, Role::Council], false), Rank::Member);
        assert_eq!(rank_of(&[Role::Committee], false), Rank::Member);
        assert_eq!(rank_of(&[Role::Admin], false), Rank::Administrator);
        assert_eq!(rank_of(&[Role::Admin], true), Rank::Platform);
        assert_eq!(rank_of(&[], true), Rank::Platform);
        assert!(Rank::Member < Rank::Administrator && Rank::Administrator < Rank::Platform);
        assert_eq!(committee_member(&[Role::Admin], false).rank(), Rank::Administrator);
    }

    #[test]
    fn only_a_platform_administrator_manages_a_platform_administrator() {
        let committee = OrganisationId(9);
        let committee_admin = committee_member(&[Role::Admin], false);
        assert!(can_manage_users_of(&committee_admin, committee));
        assert!(can_manage_account(&committee_admin, committee, Rank::Member));
        assert!(can_manage_account(&committee_admin, committee, Rank::Administrator));
        assert!(!can_manage_account(&committee_admin, committee, Rank::Platform));
        let operator = committee_member(&[Role::Admin], true);
        assert!(can_manage_account(&operator, committee, Rank::Platform));
        assert!(can_manage_account(&operator, OrganisationId(1), Rank::Platform));
    }

    #[test]
    fn no_one_manages_an_account_that_outranks_them_or_outside_their_organisation() {
        let director = actor(1, &[Role::Admin], false);
        assert!(can_manage_account(&director, OrganisationId(1), Rank::Administrator));
        assert!(!can_manage_account(&director, OrganisationId(1), Rank::Platform));
        assert!(!can_manage_account(&director, OrganisationId(2), Rank::Member));
        for role in Role::ALL.into_iter().filter(|role| *role != Role::Admin) {
            let member = actor(1, &[role], false);
            assert!(
                !can_manage_account(&member, OrganisationId(1), Rank::Member),
                "{role:?}"
            );
        }
    }

    #[test]
    fn roles_granted_never_carry_more_power_than_the_granter_has() {
        let director = actor(1, &[Role::Admin], false);
        assert_eq!(
            check_granted_roles(&director, &[Role::Admin, Role::Staff], false),
            Ok(())
        );
        let refused = check_granted_roles(&director, &[Role::Staff], true).unwrap_err();
        assert_eq!(
            (refused.field.as_str(), refused.code),
            ("roles", FieldErrorCode::NotAllowed)
        );
        let teacher = actor(1, &[Role::Staff], false);
        let refused = check_granted_roles(&teacher, &[Role::Admin], false).unwrap_err();
        assert_eq!(
            (refused.field.as_str(), refused.code),
            ("roles", FieldErrorCode::NotAllowed)
        );
        assert_eq!(check_granted_roles(&teacher, &[Role::Council], false), Ok(()));
        let operator = committee_member(&[Role::Admin], true);
        assert_eq!(check_granted_roles(&operator, &[Role::Admin], true), Ok(()));
    }

    #[test]
    fn committee_accounts_never_act_as_a_school_whatever_their_roles() {
        let own = OrganisationId(9);
        for platform in [false, true] {
            let everything = committee_member(&Role::ALL, platform);
            assert!(!acts_for_school(&everything, own));
            assert!(!can_manage_projects(&everything, own), "projects");
            assert!(
                !can_edit_resources(&everything, own),
                "resources, plan items, indicators"
            );
            assert!(!can_decide_requests(&everything), "requests");
            assert!(!can_list_problems(&everything, own), "ranking problems");
            assert!(!can_score_problems(&everything, own), "scores");
            assert!(!is_director_of(&everything, own), "orders, structures, freezing");
            assert!(!can_review_package(&everything, own), "package review");
            assert!(!can_comment_package(&everything, own), "package comments");
            assert!(!can_answer_for_recipient(&everything, own), "delivery answers");
        }
        let committee_admin = committee_member(&[Role::Admin], false);
        assert!(
            !can_read_school_work(&committee_admin, own),
            "the committee's own organisation has no school work"
        );
        assert!(
            can_read_school_work(&committee_member(&[Role::Committee], false), OrganisationId(1)),
            "the committee role still reads every school"
        );
        assert!(acts_for_school(&actor(1, &[Role::Staff], false), OrganisationId(1)));
    }

    fn actor_at(org: i64, roles: &[Role]) -> Actor {
        actor(org, roles, false)
    }

    #[test]
    fn a_consultation_is_asked_for_by_the_recipient_given_by_the_host_and_read_by_both() {
        let (host, recipient) = (OrganisationId(1), OrganisationId(2));
        let partner = actor(2, &[Role::Partner], false);
        let teacher = actor(1, &[Role::Staff], false);
        let committee = committee_member(&[Role::Committee], false);
        assert!(can_request_consultation(&partner, recipient));
        assert!(!can_request_consultation(
            &actor(2, &[Role::Supervisor], false),
            recipient
        ));
        assert!(can_request_consultation(&committee, committee.org_id));
        assert!(can_request_consultation(&committee, recipient), "for a school");
        assert!(!can_request_consultation(&partner, OrganisationId(3)));
        assert!(can_consult_for(&teacher, host) && !can_consult_for(&partner, host));
        assert!(can_read_consultation(&partner, host, recipient));
        assert!(can_read_consultation(&teacher, host, recipient));
        assert!(can_read_consultation(&committee, host, recipient));
        assert!(!can_read_consultation(
            &actor(3, &[Role::Admin], false),
            host,
            recipient
        ));
        assert!(!can_read_consultation(
            &committee_member(&[Role::Admin], true),
            host,
            recipient
        ));
    }
}
