//! Who may use which page. The navigation and the page guards ask the same functions, so
//! a link is shown exactly when its page opens. The server enforces the same rules.

use openapi::OrganisationId;
use openapi::organisations::OrganisationKind;
use openapi::users::{Me, Role};

/// User management of the user's own organisation: its administrators.
pub fn may_manage_users(me: &Me) -> bool {
    me.has_role(Role::Admin)
}

/// The list of organisations: the education committee and platform administrators.
pub fn may_browse_organisations(me: &Me) -> bool {
    me.has_role(Role::Committee) || me.is_platform_admin
}

/// Registering organisations: platform administrators.
pub fn may_create_organisations(me: &Me) -> bool {
    me.is_platform_admin
}

/// Whether the user works at a school in one of `roles`.
fn school_role(me: &Me, roles: &[Role]) -> bool {
    me.organisation.kind == OrganisationKind::School && roles.iter().any(|role| me.has_role(*role))
}

/// Reading a school's innovation work (projects and their resources): its
/// administration, council, teachers and supervisors, and the committee for every school.
pub fn may_read_projects(me: &Me) -> bool {
    me.has_role(Role::Committee) || school_role(me, &[Role::Admin, Role::Council, Role::Staff, Role::Supervisor])
}

/// The lifecycle board of a school's resources: its administration, council and
/// teachers for their school, and the committee for every school.
pub fn may_use_board(me: &Me) -> bool {
    me.has_role(Role::Committee) || school_role(me, &[Role::Admin, Role::Council, Role::Staff])
}

/// Reading every school's work, with a choice of school: the committee.
pub fn reads_every_school(me: &Me) -> bool {
    me.has_role(Role::Committee)
}

/// Registering projects of the user's school: its administration and council.
pub fn may_create_projects(me: &Me) -> bool {
    school_role(me, &[Role::Admin, Role::Council])
}

/// Changing a project of the school `org`: that school's administration and council.
pub fn may_manage_project(me: &Me, org: OrganisationId) -> bool {
    me.organisation.id == org && may_create_projects(me)
}

/// Registering and changing resources of the school `org`: that school's
/// administration, council and teachers.
pub fn may_edit_resources(me: &Me, org: OrganisationId) -> bool {
    me.organisation.id == org && school_role(me, &[Role::Admin, Role::Council, Role::Staff])
}

/// Choosing accounts of the user's school (supervisors, authors) from its user list:
/// the administration, who may list the accounts.
pub fn may_list_school_accounts(me: &Me) -> bool {
    school_role(me, &[Role::Admin])
}

/// The change log: a school's administration for its school, the committee for all.
pub fn may_read_audit(me: &Me) -> bool {
    me.has_role(Role::Committee) || school_role(me, &[Role::Admin])
}

/// Filing consumer requests and following them: partner schools and the committee.
pub fn may_file_requests(me: &Me) -> bool {
    me.has_role(Role::Partner) || me.has_role(Role::Committee)
}

/// Deciding on the requests to a school: its administration, council and teachers.
pub fn may_decide_requests(me: &Me) -> bool {
    school_role(me, &[Role::Admin, Role::Council, Role::Staff])
}

/// Confirming and rating the deliveries to the user's school: its partners.
pub fn receives_deliveries(me: &Me) -> bool {
    school_role(me, &[Role::Partner])
}

/// The requests page: whoever files or decides on requests.
pub fn may_use_requests(me: &Me) -> bool {
    may_file_requests(me) || may_decide_requests(me)
}

/// The registry of schools with its export: the committee.
pub fn may_read_registry(me: &Me) -> bool {
    me.has_role(Role::Committee)
}

/// The ranking of problems: a school's administration, council, teachers and supervisors
/// for their school, and the committee for every school.
pub fn may_read_ranking(me: &Me) -> bool {
    may_read_projects(me)
}

/// Opening ranking rounds and listing their problems: the school's administration and council.
pub fn may_edit_ranking(me: &Me) -> bool {
    school_role(me, &[Role::Admin, Role::Council])
}

/// Scoring problems: the school's council members.
pub fn may_score_problems(me: &Me) -> bool {
    school_role(me, &[Role::Council])
}

/// The director's decisions for the school `org` (freezing a ranking, approving a
/// structure, issuing an order, confirming a platform): its administration.
pub fn is_director_of(me: &Me, org: OrganisationId) -> bool {
    me.organisation.id == org && school_role(me, &[Role::Admin])
}

/// Reviewing the document package of the school `org`: its council.
pub fn may_review_package(me: &Me, org: OrganisationId) -> bool {
    me.organisation.id == org && school_role(me, &[Role::Council])
}

/// Commenting in the package's review threads of the school `org`: its administration,
/// council, teachers and supervisors.
pub fn may_comment_package(me: &Me, org: OrganisationId) -> bool {
    me.organisation.id == org && school_role(me, &[Role::Admin, Role::Council, Role::Staff, Role::Supervisor])
}

/// What waits for a decision: the school's administration and council.
pub fn may_see_approvals(me: &Me) -> bool {
    school_role(me, &[Role::Admin, Role::Council])
}
