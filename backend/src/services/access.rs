//! Loading a record together with the decision whether the caller may use it: one
//! function per kind of record, asked for `Read` or `Edit`. A record the caller may not
//! read is answered as absent (`404`), so that its existence is not revealed; one they
//! may read but not change is `403`.

use crate::db::DbConnection;
use crate::db::models::delivery::{self, DeliveryRow};
use crate::db::models::order::{self, OrderRow};
use crate::db::models::organisation::{self, OrganisationRow};
use crate::db::models::project::{self, ProjectRow};
use crate::db::models::request::{self, RequestRow};
use crate::db::models::resource::{self, ResourceRow};
use crate::db::models::user::{self, UserRow};
use crate::domain::policy::{self, Actor};
use crate::error::ApiError;
use openapi::requests::RequestStatus;
use openapi::{DeliveryId, OrderId, OrganisationId, ProjectId, RequestId, ResourceId, UserId};

/// What the caller means to do with a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// See it.
    Read,
    /// Change it (and see it).
    Edit,
}

/// Refuses with `404` when the record is not readable, `403` when it is readable but
/// `Edit` was asked and not allowed.
fn decide(access: Access, readable: bool, editable: impl FnOnce() -> bool) -> Result<(), ApiError> {
    if !readable {
        return Err(ApiError::NotFound);
    }
    if access == Access::Edit && !editable() {
        return Err(ApiError::Forbidden);
    }
    Ok(())
}

/// A project: read by its school's staff and the committee; its card, structures and
/// orders are changed by the school's administration and council.
pub fn project(conn: &mut DbConnection, actor: &Actor, id: ProjectId, access: Access) -> Result<ProjectRow, ApiError> {
    project_with(conn, actor, id, access, policy::can_manage_projects)
}

/// A project's working records (plan items, indicators, package documents): read like
/// the project, changed by the school's administration, council and teachers.
pub fn project_work(
    conn: &mut DbConnection,
    actor: &Actor,
    id: ProjectId,
    access: Access,
) -> Result<ProjectRow, ApiError> {
    project_with(conn, actor, id, access, policy::can_edit_resources)
}

fn project_with(
    conn: &mut DbConnection,
    actor: &Actor,
    id: ProjectId,
    access: Access,
    may_edit: fn(&Actor, OrganisationId) -> bool,
) -> Result<ProjectRow, ApiError> {
    let (row, _) = project::find(conn, id)?;
    let org = OrganisationId(row.org_id);
    school_record(actor, org, access, may_edit)?;
    Ok(row)
}

/// A resource: a published one is read by everyone signed in, an internal one by its
/// school and the committee; changed by the school's administration, council and teachers.
pub fn resource(
    conn: &mut DbConnection,
    actor: &Actor,
    id: ResourceId,
    access: Access,
) -> Result<ResourceRow, ApiError> {
    let row = resource::find(conn, id)?;
    let org = OrganisationId(row.org_id);
    decide(
        access,
        policy::can_read_resource(actor, org, row.is_published()),
        || policy::can_edit_resources(actor, org),
    )?;
    Ok(row)
}

/// An order with its project: read like the project; drafts are changed by the school's
/// administration and council (issuing is the director's, decided by the use case).
pub fn order(
    conn: &mut DbConnection,
    actor: &Actor,
    id: OrderId,
    access: Access,
) -> Result<(OrderRow, ProjectRow), ApiError> {
    let row = order::find(conn, id)?;
    let org = OrganisationId(row.org_id);
    school_record(actor, org, access, policy::can_manage_projects)?;
    let (project, _) = project::find(conn, ProjectId(row.project_id))?;
    Ok((row, project))
}

/// An account with its roles: read by the user themselves and by whoever manages their
/// organisation's accounts (its administrator, a platform administrator), changed only
/// by the latter and only if the account does not outrank them (a platform
/// administrator is changed by platform administrators alone). Other schools' accounts
/// are absent, so that their ids reveal nothing.
pub fn user(
    conn: &mut DbConnection,
    actor: &Actor,
    id: UserId,
    access: Access,
) -> Result<(UserRow, Vec<openapi::users::Role>), ApiError> {
    let row = user::find(conn, id)?;
    let roles = user::roles_of(conn, UserId(row.id))?;
    let org = OrganisationId(row.org_id);
    let rank = policy::rank_of(&roles, row.is_platform_admin);
    decide(access, policy::can_read_user(actor, UserId(row.id), org), || {
        policy::can_manage_account(actor, org, rank)
    })?;
    Ok((row, roles))
}

/// An organisation whose accounts are listed or created: `404` when it does not exist,
/// `403` unless the caller manages its accounts.
pub fn organisation_accounts(
    conn: &mut DbConnection,
    actor: &Actor,
    id: OrganisationId,
) -> Result<OrganisationRow, ApiError> {
    let row = organisation::find(conn, id)?;
    decide(Access::Edit, true, || policy::can_manage_users_of(actor, id))?;
    Ok(row)
}

/// A resource's answers and figures as its school's work: read by the school's staff and
/// the committee, whether or not the resource is published.
pub fn resource_of_school(conn: &mut DbConnection, actor: &Actor, id: ResourceId) -> Result<ResourceRow, ApiError> {
    let row = resource::find(conn, id)?;
    decide(
        Access::Read,
        policy::can_read_school_work(actor, OrganisationId(row.org_id)),
        || false,
    )?;
    Ok(row)
}

/// A project as the API shows it (the card with its directions, cited problems and
/// confirmations), read and decided like [`project`], for the use cases that answer with
/// the card or record it: one read instead of the row and then the card.
pub fn project_card(
    conn: &mut DbConnection,
    actor: &Actor,
    id: ProjectId,
    access: Access,
) -> Result<openapi::projects::Project, ApiError> {
    let card = project::load(conn, id)?;
    school_record(actor, card.org_id, access, policy::can_manage_projects)?;
    Ok(card)
}

/// A structure of a project: read like the project; formed and changed by the school's
/// administration and council (approving is the director's, decided by the use case).
pub fn structure(
    conn: &mut DbConnection,
    actor: &Actor,
    id: openapi::StructureId,
    access: Access,
) -> Result<crate::db::models::structure::StructureRow, ApiError> {
    let row = crate::db::models::structure::find(conn, id)?;
    let org = OrganisationId(row.org_id);
    school_record(actor, org, access, policy::can_manage_projects)?;
    Ok(row)
}

/// A ranking round: read like the school's work; its criteria and problems are changed
/// by the school's council and administration (scoring and freezing are decided by the
/// use cases).
pub fn round(
    conn: &mut DbConnection,
    actor: &Actor,
    id: openapi::RoundId,
    access: Access,
) -> Result<crate::db::models::ranking::RoundRow, ApiError> {
    let row = crate::db::models::ranking::find_round(conn, id)?;
    let org = OrganisationId(row.org_id);
    school_record(actor, org, access, policy::can_list_problems)?;
    Ok(row)
}

/// A problem of a ranking with its round: read and changed like the round.
pub fn problem(
    conn: &mut DbConnection,
    actor: &Actor,
    id: openapi::ProblemId,
    access: Access,
) -> Result<
    (
        crate::db::models::ranking::ProblemRow,
        crate::db::models::ranking::RoundRow,
    ),
    ApiError,
> {
    let (problem, round) = crate::db::models::ranking::find_problem(conn, id)?;
    let org = OrganisationId(round.org_id);
    school_record(actor, org, access, policy::can_list_problems)?;
    Ok((problem, round))
}

/// A consumer request: read by the requesting organisation, the addressed school's staff,
/// any school's staff while it is open to the catalogue, and the committee; decided for
/// a school by whoever may change its resources (which school may decide is the use
/// case's rule).
pub fn request(conn: &mut DbConnection, actor: &Actor, id: RequestId, access: Access) -> Result<RequestRow, ApiError> {
    let row = request::find(conn, id)?;
    let open = row.status() == RequestStatus::Submitted;
    let readable = policy::can_read_request(
        actor,
        OrganisationId(row.requester_org_id),
        row.target_org_id.map(OrganisationId),
        open,
    );
    decide(access, readable, || policy::can_decide_requests(actor))?;
    Ok(row)
}

/// A delivery: read by the consumer school, the host school's staff and the committee;
/// changed (confirmed) by the consumer school's partner staff or administration.
pub fn delivery(
    conn: &mut DbConnection,
    actor: &Actor,
    id: DeliveryId,
    access: Access,
) -> Result<DeliveryRow, ApiError> {
    let row = delivery::find(conn, id)?;
    let recipient = OrganisationId(row.recipient_org_id);
    decide(
        access,
        policy::can_read_delivery(actor, OrganisationId(row.org_id), recipient),
        || policy::can_answer_for_recipient(actor, recipient),
    )?;
    Ok(row)
}

/// A version of a package document: read by those who read the school's work; changed
/// (files attached or removed) by the school's administration, council and teachers.
/// Reviewing and commenting have their own rules, decided by the use cases.
pub fn document_version(
    conn: &mut DbConnection,
    actor: &Actor,
    id: openapi::DocumentVersionId,
    access: Access,
) -> Result<crate::db::models::package::VersionRow, ApiError> {
    let row = crate::db::models::package::find(conn, id)?;
    school_work(actor, row.org(), access)?;
    Ok(row)
}

/// A plan item: read like its project, changed like the project's working records.
pub fn plan_item(
    conn: &mut DbConnection,
    actor: &Actor,
    id: openapi::PlanItemId,
    access: Access,
) -> Result<crate::db::models::plan::PlanRow, ApiError> {
    let row = crate::db::models::plan::find(conn, id)?;
    school_work(actor, row.org(), access)?;
    Ok(row)
}

/// An indicator's project and school: read like the project, changed like the project's
/// working records.
pub fn indicator(
    conn: &mut DbConnection,
    actor: &Actor,
    id: openapi::IndicatorId,
    access: Access,
) -> Result<(ProjectId, OrganisationId), ApiError> {
    let (project, org) = crate::db::models::plan::find_indicator(conn, id)?;
    school_work(actor, org, access)?;
    Ok((project, org))
}

/// An attached file, to read: by those who read the school's work (an event's materials:
/// by those who read the event). Whether it may be removed depends on what it is attached
/// to, decided by the use case.
pub fn attachment(
    conn: &mut DbConnection,
    actor: &Actor,
    id: openapi::AttachmentId,
) -> Result<crate::db::models::attachment::AttachmentRow, ApiError> {
    let row = crate::db::models::attachment::find(conn, id)?;
    if let crate::db::models::attachment::Owner::Event(event) = row.owner() {
        self::event(conn, actor, event, Access::Read)?;
        return Ok(row);
    }
    decide(
        Access::Read,
        policy::can_read_school_work(actor, OrganisationId(row.org_id)),
        || false,
    )?;
    Ok(row)
}

/// A pilot with its resource: read and changed like the resource (a published
/// resource's pilots are read by everyone signed in; its school's administration, council
/// and teachers change them).
pub fn pilot(
    conn: &mut DbConnection,
    actor: &Actor,
    id: openapi::PilotId,
    access: Access,
) -> Result<(crate::db::models::pilot::PilotRow, ResourceRow), ApiError> {
    let row = crate::db::models::pilot::find(conn, id)?;
    let resource = resource(conn, actor, ResourceId(row.resource_id), access)?;
    Ok((row, resource))
}

/// A risk: read and changed like what it belongs to (a project's working records, or
/// its pilot).
pub fn risk(
    conn: &mut DbConnection,
    actor: &Actor,
    id: openapi::RiskId,
    access: Access,
) -> Result<crate::db::models::risk::RiskRow, ApiError> {
    use crate::db::models::risk::{self, Parent};
    let row = risk::find(conn, id)?;
    match row.parent() {
        Parent::Project(_) => school_work(actor, row.org(), access)?,
        Parent::Pilot(pilot) => {
            self::pilot(conn, actor, pilot, access)?;
        }
    }
    Ok(row)
}

/// A cohort with its programme: read and changed like the programme (a published
/// programme's cohorts are read by everyone signed in; its school's administration,
/// council and teachers run them).
pub fn cohort(
    conn: &mut DbConnection,
    actor: &Actor,
    id: openapi::CohortId,
    access: Access,
) -> Result<(crate::db::models::cohort::CohortRow, ResourceRow), ApiError> {
    let row = crate::db::models::cohort::find(conn, id)?;
    let resource = resource(conn, actor, ResourceId(row.resource_id), Access::Read)?;
    if access == Access::Edit && !policy::can_edit_resources(actor, row.org()) {
        return Err(ApiError::Forbidden);
    }
    Ok((row, resource))
}

/// An enrolment: read by the teacher, their school's administration, the host school's
/// staff and the committee; what else the reader may do is the use case's rule.
pub fn enrolment(
    conn: &mut DbConnection,
    actor: &Actor,
    id: openapi::EnrolmentId,
) -> Result<crate::db::models::enrolment::EnrolmentRow, ApiError> {
    let row = crate::db::models::enrolment::find(conn, id)?;
    decide(
        Access::Read,
        policy::can_read_enrolment(actor, row.user(), row.user_org(), row.host()),
        || false,
    )?;
    Ok(row)
}

/// A consultation: read by both sides' staff and the committee (`404` for anyone
/// else). `Edit` asks for the host school's side (scheduling, declining, recording it
/// as held: whoever may change the host's resources); the recipient's acts are decided
/// by the use cases.
pub fn consultation(
    conn: &mut DbConnection,
    actor: &Actor,
    id: openapi::ConsultationId,
    access: Access,
) -> Result<crate::db::models::consultation::ConsultationRow, ApiError> {
    let row = crate::db::models::consultation::find(conn, id)?;
    decide(
        access,
        policy::can_read_consultation(actor, row.host(), row.recipient()),
        || policy::can_consult_for(actor, row.host()),
    )?;
    Ok(row)
}

/// An event: a published or cancelled one is read by everyone signed in, a draft by its
/// organisation's staff and the committee; changed by whoever organises the
/// organisation's events (a school's administration, council and teachers; the
/// committee's specialists for the committee's events).
pub fn event(
    conn: &mut DbConnection,
    actor: &Actor,
    id: openapi::EventId,
    access: Access,
) -> Result<crate::db::models::event::EventRow, ApiError> {
    let row = crate::db::models::event::find(conn, id)?;
    let org = row.org();
    let public = row.status() != openapi::events::EventStatus::Draft;
    decide(access, public || policy::can_read_school_work(actor, org), || {
        policy::can_manage_events(actor, org)
    })?;
    Ok(row)
}

/// A school's working record: read by its staff and the committee, changed by its
/// administration, council and teachers.
fn school_work(actor: &Actor, org: OrganisationId, access: Access) -> Result<(), ApiError> {
    school_record(actor, org, access, policy::can_edit_resources)
}

/// A record of school `org`: read by those who read the school's work (404 otherwise),
/// changed by those `may_edit` allows (403 otherwise).
fn school_record(
    actor: &Actor,
    org: OrganisationId,
    access: Access,
    may_edit: fn(&Actor, OrganisationId) -> bool,
) -> Result<(), ApiError> {
    decide(access, policy::can_read_school_work(actor, org), || {
        may_edit(actor, org)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_record_is_absent_and_a_readable_one_may_still_be_closed_to_edits() {
        assert!(matches!(decide(Access::Read, false, || true), Err(ApiError::NotFound)));
        assert!(matches!(decide(Access::Edit, false, || true), Err(ApiError::NotFound)));
        assert!(decide(Access::Read, true, || false).is_ok());
        assert!(matches!(decide(Access::Edit, true, || false), Err(ApiError::Forbidden)));
        assert!(decide(Access::Edit, true, || true).is_ok());
    }
}
