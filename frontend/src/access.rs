//! Who may use which page. The navigation and the page guards ask the same functions, so
//! a link is shown exactly when its page opens. The answers come from the server's own
//! rules ([`rules::policy`]), asked about the signed-in user; a page that shows one
//! school's work further needs the user to work at a school.

use openapi::OrganisationId;
use openapi::organisations::OrganisationKind;
use openapi::users::Me;
use rules::policy::{self, Actor};

/// The signed-in user as the rules see them.
fn actor(me: &Me) -> Actor {
    Actor::from(me)
}

/// Whether the user works at a school (the pages of one school's work are theirs).
fn at_school(me: &Me) -> bool {
    me.organisation.kind == OrganisationKind::School
}

/// Whether `rule` allows the user for their own organisation, and that is a school.
fn at_own_school(me: &Me, rule: fn(&Actor, OrganisationId) -> bool) -> bool {
    at_school(me) && rule(&actor(me), me.organisation.id)
}

/// User management of the user's own organisation: its administrators (and platform
/// administrators).
pub fn may_manage_users(me: &Me) -> bool {
    policy::can_manage_users_of(&actor(me), me.organisation.id)
}

/// The list of organisations as a page: the education committee and platform
/// administrators. (The server lets every user read organisations, to pick a school or a
/// partner in a form; the page is for those who look after them.)
pub fn may_browse_organisations(me: &Me) -> bool {
    let actor = actor(me);
    policy::reads_every_school(&actor) || policy::can_create_organisation(&actor)
}

/// Registering organisations: platform administrators.
pub fn may_create_organisations(me: &Me) -> bool {
    policy::can_create_organisation(&actor(me))
}

/// Reading a school's innovation work (projects and their resources): its
/// administration, council, teachers and supervisors, and the committee for every school.
pub fn may_read_projects(me: &Me) -> bool {
    reads_every_school(me) || at_own_school(me, policy::can_read_school_work)
}

/// The lifecycle board of a school's resources: those who change its resources (its
/// administration, council and teachers) for their school, and the committee for every
/// school.
pub fn may_use_board(me: &Me) -> bool {
    reads_every_school(me) || at_own_school(me, policy::can_edit_resources)
}

/// Reading every school's work, with a choice of school: the committee.
pub fn reads_every_school(me: &Me) -> bool {
    policy::reads_every_school(&actor(me))
}

/// Registering projects of the user's school: its administration and council.
pub fn may_create_projects(me: &Me) -> bool {
    at_own_school(me, policy::can_manage_projects)
}

/// Changing a project of the school `org`: that school's administration and council.
pub fn may_manage_project(me: &Me, org: OrganisationId) -> bool {
    policy::can_manage_projects(&actor(me), org)
}

/// Registering and changing resources of the school `org`: that school's
/// administration, council and teachers.
pub fn may_edit_resources(me: &Me, org: OrganisationId) -> bool {
    policy::can_edit_resources(&actor(me), org)
}

/// Choosing accounts of the user's school (supervisors, authors) from its user list:
/// whoever may list the accounts, its administration.
pub fn may_list_school_accounts(me: &Me) -> bool {
    at_own_school(me, policy::can_manage_users_of)
}

/// The change log: a school's administration for its school, the committee for all.
pub fn may_read_audit(me: &Me) -> bool {
    reads_every_school(me) || at_own_school(me, policy::can_read_audit)
}

/// Filing consumer requests and following them: partner schools and the committee.
pub fn may_file_requests(me: &Me) -> bool {
    policy::can_file_request(&actor(me))
}

/// Deciding on the requests to a school: its administration, council and teachers.
pub fn may_decide_requests(me: &Me) -> bool {
    at_school(me) && policy::can_decide_requests(&actor(me))
}

/// Confirming and rating the deliveries to the user's school: its partner staff and
/// its administration.
pub fn receives_deliveries(me: &Me) -> bool {
    at_own_school(me, policy::can_answer_for_recipient)
}

/// The requests page: whoever files or decides on requests.
pub fn may_use_requests(me: &Me) -> bool {
    may_file_requests(me) || may_decide_requests(me)
}

/// The consultations page: whoever asks for support for their organisation (a school's
/// administration, council, teachers and partner staff; the committee), and so also
/// whoever consults for a school.
pub fn may_use_consultations(me: &Me) -> bool {
    let actor = actor(me);
    policy::acts_for_consultation_recipient(&actor, me.organisation.id) || policy::reads_every_school(&actor)
}

/// Scheduling, declining and recording the consultations the user's school gives: its
/// administration, council and teachers.
pub fn may_consult(me: &Me) -> bool {
    at_own_school(me, policy::can_consult_for)
}

/// The registry of schools with its export: the committee.
pub fn may_read_registry(me: &Me) -> bool {
    reads_every_school(me)
}

/// The ranking of problems: a school's administration, council, teachers and supervisors
/// for their school, and the committee for every school.
pub fn may_read_ranking(me: &Me) -> bool {
    may_read_projects(me)
}

/// Opening ranking rounds and listing their problems: the school's administration and council.
pub fn may_edit_ranking(me: &Me) -> bool {
    at_own_school(me, policy::can_list_problems)
}

/// Scoring problems: the school's council members.
pub fn may_score_problems(me: &Me) -> bool {
    at_own_school(me, policy::can_score_problems)
}

/// The director's decisions for the school `org` (freezing a ranking, approving a
/// structure, issuing an order, confirming a platform): its administration.
pub fn is_director_of(me: &Me, org: OrganisationId) -> bool {
    policy::is_director_of(&actor(me), org)
}

/// Reviewing the document package of the school `org`: its council.
pub fn may_review_package(me: &Me, org: OrganisationId) -> bool {
    policy::can_review_package(&actor(me), org)
}

/// Commenting in the package's review threads of the school `org`: its administration,
/// council, teachers and supervisors.
pub fn may_comment_package(me: &Me, org: OrganisationId) -> bool {
    policy::can_comment_package(&actor(me), org)
}

/// What waits for a decision: the school's director (structures, orders) and council
/// (document versions).
pub fn may_see_approvals(me: &Me) -> bool {
    at_own_school(me, policy::is_director_of) || at_own_school(me, policy::can_review_package)
}

/// Organising the events of organisation `org` (creating, changing, publishing,
/// cancelling them, marking attendance): a school's administration, council and
/// teachers; the committee's specialists for the committee's events.
pub fn may_manage_events(me: &Me, org: OrganisationId) -> bool {
    policy::can_manage_events(&actor(me), org)
}

/// Reading the registrations of the events of organisation `org`: its staff and the
/// committee.
pub fn may_read_registrations(me: &Me, org: OrganisationId) -> bool {
    policy::can_read_school_work(&actor(me), org)
}

/// Presenting a stand of the user's school at a fair.
pub fn may_present_stands(me: &Me) -> bool {
    policy::can_present_stands(&actor(me))
}

/// Enrolling oneself in a cohort and «Моё обучение»: every account of a school.
pub fn may_train(me: &Me) -> bool {
    policy::can_enrol_self(&actor(me))
}

/// Withdrawing a teacher of school `teacher_org` from a cohort of school `host`: the
/// teacher's school's administration and the host's staff.
pub fn may_withdraw_others(me: &Me, teacher_org: OrganisationId, host: OrganisationId) -> bool {
    policy::can_withdraw_others(&actor(me), teacher_org, host)
}

/// The training hours of the user's school's teachers: its administration and council.
pub fn may_read_school_training(me: &Me) -> bool {
    at_own_school(me, policy::can_read_school_training)
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::UserId;
    use openapi::organisations::OrganisationSummary;
    use openapi::users::{Locale, Role};

    const SCHOOL: OrganisationId = OrganisationId(61);
    const OTHER_SCHOOL: OrganisationId = OrganisationId(12);
    const COMMITTEE: OrganisationId = OrganisationId(1);

    fn me(org: OrganisationId, roles: &[Role]) -> Me {
        let kind = if org == COMMITTEE {
            OrganisationKind::Committee
        } else {
            OrganisationKind::School
        };
        Me {
            id: UserId(7),
            email: "someone@example.test".to_owned(),
            full_name: "Иванова Мария Петровна".to_owned(),
            organisation: OrganisationSummary {
                id: org,
                name: "Организация".to_owned(),
                short_name: "Орг.".to_owned(),
                kind,
            },
            roles: roles.to_vec(),
            is_platform_admin: false,
            locale: Locale::Ru,
            version: 1,
        }
    }

    fn operator() -> Me {
        Me {
            is_platform_admin: true,
            ..me(COMMITTEE, &[Role::Admin])
        }
    }

    /// Which of the pages each kind of account opens, in the order of the navigation.
    fn pages(me: &Me) -> [bool; 9] {
        [
            may_manage_users(me),
            may_browse_organisations(me),
            may_read_projects(me),
            may_use_board(me),
            may_use_requests(me),
            may_read_registry(me),
            may_read_audit(me),
            may_read_ranking(me),
            may_see_approvals(me),
        ]
    }

    #[test]
    fn each_role_opens_exactly_its_pages() {
        let (t, f) = (true, false);
        let cases = [
            ("director", me(SCHOOL, &[Role::Admin]), [t, f, t, t, t, f, t, t, t]),
            ("council", me(SCHOOL, &[Role::Council]), [f, f, t, t, t, f, f, t, t]),
            ("teacher", me(SCHOOL, &[Role::Staff]), [f, f, t, t, t, f, f, t, f]),
            (
                "supervisor",
                me(SCHOOL, &[Role::Supervisor]),
                [f, f, t, f, f, f, f, t, f],
            ),
            ("partner", me(SCHOOL, &[Role::Partner]), [f, f, f, f, t, f, f, f, f]),
            (
                "committee",
                me(COMMITTEE, &[Role::Committee]),
                [f, t, t, t, t, t, t, t, f],
            ),
            (
                "committee admin",
                me(COMMITTEE, &[Role::Admin]),
                [t, f, f, f, f, f, f, f, f],
            ),
            ("operator", operator(), [t, t, f, f, f, f, f, f, f]),
        ];
        for (who, account, expected) in cases {
            assert_eq!(pages(&account), expected, "{who}");
        }
    }

    #[test]
    fn school_decisions_stay_with_the_school() {
        let director = me(SCHOOL, &[Role::Admin]);
        assert!(is_director_of(&director, SCHOOL));
        assert!(!is_director_of(&director, OTHER_SCHOOL));
        assert!(may_manage_project(&director, SCHOOL));
        assert!(!may_manage_project(&director, OTHER_SCHOOL));
        assert!(
            !may_review_package(&director, SCHOOL),
            "the council reviews, not the director"
        );

        let council = me(SCHOOL, &[Role::Council]);
        assert!(may_review_package(&council, SCHOOL));
        assert!(!may_review_package(&council, OTHER_SCHOOL));
        assert!(may_score_problems(&council));
        assert!(may_edit_ranking(&council));
        assert!(!is_director_of(&council, SCHOOL));

        let teacher = me(SCHOOL, &[Role::Staff]);
        assert!(may_edit_resources(&teacher, SCHOOL));
        assert!(!may_edit_resources(&teacher, OTHER_SCHOOL));
        assert!(!may_manage_project(&teacher, SCHOOL));
        assert!(!may_score_problems(&teacher));
        assert!(may_decide_requests(&teacher));
        assert!(!may_file_requests(&teacher));

        let supervisor = me(SCHOOL, &[Role::Supervisor]);
        assert!(may_comment_package(&supervisor, SCHOOL));
        assert!(!may_comment_package(&supervisor, OTHER_SCHOOL));
        assert!(!may_edit_resources(&supervisor, SCHOOL));
    }

    #[test]
    fn the_committee_reads_every_school_and_decides_for_none() {
        let committee = me(COMMITTEE, &[Role::Committee]);
        assert!(reads_every_school(&committee));
        assert!(may_file_requests(&committee));
        for school in [SCHOOL, OTHER_SCHOOL] {
            assert!(!may_manage_project(&committee, school));
            assert!(!may_edit_resources(&committee, school));
            assert!(!is_director_of(&committee, school));
            assert!(!may_review_package(&committee, school));
        }
        assert!(!may_create_projects(&committee));
        assert!(!may_decide_requests(&committee));
        assert!(!receives_deliveries(&committee));
        assert!(!may_list_school_accounts(&committee));
    }

    #[test]
    fn only_the_operator_registers_organisations() {
        assert!(may_create_organisations(&operator()));
        for account in [
            me(COMMITTEE, &[Role::Admin]),
            me(COMMITTEE, &[Role::Committee]),
            me(SCHOOL, &[Role::Admin]),
        ] {
            assert!(!may_create_organisations(&account), "{:?}", account.roles);
        }
    }

    #[test]
    fn deliveries_are_answered_by_the_receiving_school_s_partners_and_administration() {
        assert!(receives_deliveries(&me(SCHOOL, &[Role::Partner])));
        assert!(receives_deliveries(&me(SCHOOL, &[Role::Admin])));
        assert!(!receives_deliveries(&me(SCHOOL, &[Role::Staff])));
        assert!(!receives_deliveries(&me(SCHOOL, &[Role::Council])));
        assert!(may_list_school_accounts(&me(SCHOOL, &[Role::Admin])));
        assert!(!may_list_school_accounts(&me(SCHOOL, &[Role::Council])));
        assert!(may_create_projects(&me(SCHOOL, &[Role::Council])));
        assert!(!may_create_projects(&me(SCHOOL, &[Role::Staff])));
    }

    #[test]
    fn consultations_are_open_to_school_staff_partners_and_the_committee() {
        assert!(may_use_consultations(&me(SCHOOL, &[Role::Admin])) && may_consult(&me(SCHOOL, &[Role::Admin])));
        assert!(may_use_consultations(&me(SCHOOL, &[Role::Partner])) && !may_consult(&me(SCHOOL, &[Role::Partner])));
        assert!(!may_use_consultations(&me(SCHOOL, &[Role::Supervisor])));
        assert!(may_use_consultations(&me(COMMITTEE, &[Role::Committee])));
        assert!(!may_consult(&me(COMMITTEE, &[Role::Committee])));
        assert!(!may_use_consultations(&operator()));
    }

    #[test]
    fn training_is_for_school_accounts_and_hours_for_the_school_management() {
        let teacher = me(SCHOOL, &[Role::Staff]);
        let director = me(SCHOOL, &[Role::Admin]);
        let partner = me(OTHER_SCHOOL, &[Role::Partner]);
        let committee = me(COMMITTEE, &[Role::Committee]);
        assert!(may_train(&teacher) && may_train(&director) && may_train(&partner));
        assert!(!may_train(&committee) && !may_train(&operator()));
        assert!(may_read_school_training(&director) && may_read_school_training(&me(SCHOOL, &[Role::Council])));
        assert!(!may_read_school_training(&teacher) && !may_read_school_training(&partner));
        // The committee reads every school's hours, but has no school of its own to show.
        assert!(!may_read_school_training(&committee));
        // A director withdraws their own teachers from another school's cohort, not others'.
        assert!(may_withdraw_others(&director, SCHOOL, OTHER_SCHOOL));
        assert!(!may_withdraw_others(&director, OTHER_SCHOOL, COMMITTEE));
        // The host's teachers withdraw anyone from their school's cohorts.
        assert!(may_withdraw_others(&teacher, OTHER_SCHOOL, SCHOOL));
        assert!(!may_withdraw_others(&partner, OTHER_SCHOOL, SCHOOL));
    }
}
