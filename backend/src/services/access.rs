//! Loading a record together with the decision whether the caller may use it: one
//! function per kind of record, asked for `Read` or `Edit`. A record the caller may not
//! read is answered as absent (`404`), so that its existence is not revealed; one they
//! may read but not change is `403`.

use crate::db::DbConnection;
use crate::db::models::delivery::{self, DeliveryRow};
use crate::db::models::order::{self, OrderRow};
use crate::db::models::project::{self, ProjectRow};
use crate::db::models::request::{self, RequestRow};
use crate::db::models::resource::{self, ResourceRow};
use crate::domain::policy::{self, Actor};
use crate::error::ApiError;
use openapi::requests::RequestStatus;
use openapi::{DeliveryId, OrderId, OrganisationId, ProjectId, RequestId, ResourceId};

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
    let (row, _) = project::find(conn, id.0)?;
    let org = OrganisationId(row.org_id);
    decide(access, policy::can_read_school_work(actor, org), || {
        may_edit(actor, org)
    })?;
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
    let row = resource::find(conn, id.0)?;
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
    decide(access, policy::can_read_school_work(actor, org), || {
        policy::can_manage_projects(actor, org)
    })?;
    let (project, _) = project::find(conn, row.project_id)?;
    Ok((row, project))
}

/// A consumer request: read by the requesting organisation, the addressed school's staff,
/// any school's staff while it is open to the catalogue, and the committee; decided for
/// a school by whoever may change its resources (which school may decide is the use
/// case's rule).
pub fn request(conn: &mut DbConnection, actor: &Actor, id: RequestId, access: Access) -> Result<RequestRow, ApiError> {
    let row = request::find(conn, id.0)?;
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
    let row = delivery::find(conn, id.0)?;
    let recipient = OrganisationId(row.recipient_org_id);
    decide(
        access,
        policy::can_read_delivery(actor, OrganisationId(row.org_id), recipient),
        || policy::can_answer_for_recipient(actor, recipient),
    )?;
    Ok(row)
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
