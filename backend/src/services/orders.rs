//! Orders (приказы) on innovation activity (Regulation 4.5): drafted from the project,
//! issued by the director when the project is ready, never changed afterwards.

use super::access::{self, Access};
use super::concurrency::{Expected, claim};
use super::{Caller, Outcome, write};
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::order::{self, Body, OrderContent};
use crate::db::models::project::{self, ProjectRow};
use crate::db::models::{package, structure};
use crate::domain::error::DomainError;
use crate::domain::orders::{self as rules, Readiness};
use crate::domain::package::package_approved;
use crate::domain::policy;
use crate::error::ApiError;
use diesel::OptionalExtension;
use openapi::FieldErrorCode::{NotAllowed, Taken};
use openapi::audit::{AuditAction, AuditEntity};
use openapi::orders::{Order, OrderInput, OrderStatus};
use openapi::{OrderId, OrganisationId, ProjectId};

/// The orders of a project, the latest first.
pub fn list(conn: &mut DbConnection, caller: &Caller, project: ProjectId) -> Outcome<Vec<Order>> {
    access::project(conn, &caller.actor, project, Access::Read)?;
    Ok(order::for_project(conn, project)?)
}

/// One order.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: OrderId) -> Outcome<Order> {
    access::order(conn, &caller.actor, id, Access::Read)?;
    Ok(order::load(conn, id)?)
}

/// Drafts an order of a project (the school's administration or council): the standard
/// title and points from the project's directions unless given, the participants from
/// its approved structures.
pub fn create(conn: &mut DbConnection, caller: &Caller, project: ProjectId, input: &OrderInput) -> Outcome<Order> {
    write(conn, |conn| {
        let project = access::project(conn, &caller.actor, project, Access::Edit)?;
        let content = content(conn, &project, input, None)?;
        let id = order::insert(
            conn,
            OrganisationId(project.org_id),
            ProjectId(project.id),
            &content,
            caller.actor.user_id,
        )?;
        let created = order::load(conn, id)?;
        Event::new(AuditAction::Create, AuditEntity::Order, id)
            .by(caller.actor.user_id)
            .of(created.org_id)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// Rewrites a draft (administration or council), made on the `expected` version; an
/// issued order is refused with `order_issued`: a change is a new order that supersedes
/// it.
pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrderId,
    expected: Expected,
    input: &OrderInput,
) -> Outcome<Order> {
    write(conn, |conn| {
        let (row, project) = access::order(conn, &caller.actor, id, Access::Edit)?;
        claim(expected, row.version, |version| order::claim(conn, id.0, version))?;
        rules::editable(row.status())?;
        let content = content(conn, &project, input, Some(id))?;
        let before = order::load(conn, id)?;
        if !order::update(conn, id, &content)? {
            rules::editable(OrderStatus::Issued)?;
        }
        changed(conn, caller, AuditAction::Update, &before)
    })
}

/// The director issues a draft. Refused (409) unless the package is approved, every
/// structure of the project is approved and the project cites a problem of a frozen
/// ranking; an issued order is not issued again, nor a draft changed since the director
/// read the `expected` version (`412`). The participants are taken from the structures
/// as approved at this moment.
pub fn issue(conn: &mut DbConnection, caller: &Caller, id: OrderId, expected: Expected) -> Outcome<Order> {
    write(conn, |conn| {
        let (row, project) = access::order(conn, &caller.actor, id, Access::Read)?;
        if !policy::is_director_of(&caller.actor, OrganisationId(row.org_id)) {
            return Err(ApiError::Forbidden);
        }
        claim(expected, row.version, |version| order::claim(conn, id.0, version))?;
        let project_id = ProjectId(project.id);
        let structures = structure::for_project(conn, ProjectId(project.id))?;
        let readiness = Readiness {
            package_approved: package_approved(&package::latest_statuses(conn, project.id)?),
            structures_approved: rules::structures_approved(&structures),
            cites_ranked_problems: project::cites_ranked_problems(conn, project_id)?,
        };
        rules::can_issue(row.status(), readiness)?;
        let before = order::load(conn, id)?;
        if !order::issue(conn, &row, &rules::participants(&structures), caller.actor.user_id)? {
            rules::editable(OrderStatus::Issued)?;
        }
        changed(conn, caller, AuditAction::Issue, &before)
    })
}

/// An order as a DOCX file, with its file name.
pub fn docx(conn: &mut DbConnection, caller: &Caller, id: OrderId) -> Outcome<(Vec<u8>, String)> {
    let found = get(conn, caller, id)?;
    let bytes = crate::docx::order_docx(&found).map_err(|err| ApiError::Internal(err.into()))?;
    Ok((bytes, rules::file_name(&found.number, found.status)))
}

/// Reads the order after a change and records the change.
fn changed(conn: &mut DbConnection, caller: &Caller, action: AuditAction, before: &Order) -> Outcome<Order> {
    let after = order::load(conn, OrderId(before.id))?;
    Event::new(action, AuditEntity::Order, before.id)
        .by(caller.actor.user_id)
        .of(after.org_id)
        .before(before)
        .after(&after)
        .record(conn)?;
    Ok(after)
}

/// The draft's content: the given title and points, or the standard ones.
fn content(
    conn: &mut DbConnection,
    project: &ProjectRow,
    input: &OrderInput,
    existing: Option<OrderId>,
) -> Outcome<OrderContent> {
    let fields = rules::parse(input, (project.start_year, project.end_year))?;
    if let Some(superseded) = input.supersedes_id {
        let valid = order::find(conn, OrderId(superseded)).optional()?.is_some_and(|o| {
            o.project_id == project.id && o.status() == OrderStatus::Issued && Some(OrderId(o.id)) != existing
        });
        if !valid {
            return Err(
                DomainError::field("supersedes_id", NotAllowed, "must be an issued order of this project").into(),
            );
        }
    }
    if order::number_taken(conn, OrganisationId(project.org_id), &fields.number, existing)? {
        return Err(DomainError::field("number", Taken, "the school already has an order with this number").into());
    }
    let project_id = ProjectId(project.id);
    let points = match fields.points {
        Some(points) => points,
        None => rules::standard_points(
            &project.title,
            input.school_year,
            &project::directions(conn, project_id)?,
        ),
    };
    Ok(OrderContent {
        number: fields.number,
        issued_on: input.issued_on,
        school_year: input.school_year,
        title: fields
            .title
            .unwrap_or_else(|| rules::standard_title(&project.title, input.school_year)),
        body: Body {
            points,
            participants: rules::participants(&structure::for_project(conn, ProjectId(project.id))?),
        },
        signatory_name: fields.signatory_name,
        signatory_position: fields.signatory_position,
        supersedes_id: input.supersedes_id,
    })
}
