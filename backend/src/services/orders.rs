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
        )
        .map_err(number_race)?;
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
        if !order::update(conn, id, &content).map_err(number_race)? {
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
            package_approved: package_approved(&package::latest_statuses(conn, ProjectId(project.id))?),
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
        return Err(number_taken());
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

/// The refusal of a number the school's orders already use.
fn number_taken() -> ApiError {
    DomainError::field("number", Taken, "the school already has an order with this number").into()
}

/// A concurrent writer may take the number between the check and the write (on
/// PostgreSQL; SQLite's write transactions do not overlap): the unique index refuses it,
/// and the answer is the check's own.
fn number_race(err: diesel::result::Error) -> ApiError {
    match err {
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _) => number_taken(),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::concurrency::Expected;
    use crate::services::seeded::{self, COUNCIL, DIRECTOR, PARTNER, TEACHER};
    use openapi::RefusalReason;
    use openapi::projects::{ProjectFilter, ProjectLevel};

    fn project_of(conn: &mut DbConnection, level: ProjectLevel) -> ProjectId {
        let page = crate::db::models::PageRequest { page: 1, per_page: 100 };
        let (projects, _) = project::list(conn, &ProjectFilter::default(), page).unwrap();
        projects.into_iter().find(|p| p.level == level).unwrap().id
    }

    /// The demo's issued order (№ 112-о) and its project.
    fn issued_order(conn: &mut DbConnection) -> (Order, ProjectId) {
        let page = crate::db::models::PageRequest { page: 1, per_page: 100 };
        let (projects, _) = project::list(conn, &ProjectFilter::default(), page).unwrap();
        projects
            .into_iter()
            .find_map(|p| {
                let orders = order::for_project(conn, p.id).unwrap();
                orders
                    .into_iter()
                    .find(|o| o.status == OrderStatus::Issued)
                    .map(|o| (o, p.id))
            })
            .unwrap()
    }

    fn draft(number: &str) -> OrderInput {
        let today = chrono::Utc::now().date_naive();
        OrderInput {
            number: number.to_owned(),
            issued_on: today,
            school_year: ::rules::dates::school_year_of(today),
            title: None,
            points: None,
            signatory_name: "Е. В. Петрова".to_owned(),
            signatory_position: "Директор".to_owned(),
            supersedes_id: None,
        }
    }

    #[test]
    fn an_order_of_a_project_whose_package_is_under_review_is_not_issued_and_stays_a_draft() {
        let mut db = seeded::demo();
        let (council, director) = (db.caller(COUNCIL), db.caller(DIRECTOR));
        let lab = project_of(&mut db, ProjectLevel::Laboratory);
        let created = create(&mut db, &council, lab, &draft("200-о")).unwrap();
        assert_eq!(created.status, OrderStatus::Draft);
        assert!(!created.points.is_empty(), "the standard points are drafted");

        let refused = issue(
            &mut db,
            &director,
            OrderId(created.id),
            Expected::Version(created.version),
        )
        .unwrap_err();
        assert_eq!(seeded::reason(refused), RefusalReason::PackageNotApproved);
        assert_eq!(
            get(&mut db, &director, OrderId(created.id)).unwrap().status,
            OrderStatus::Draft
        );
        let trail: Vec<String> = seeded::audit_of(&mut db, "order", created.id)
            .into_iter()
            .map(|entry| entry.0)
            .collect();
        assert_eq!(trail, vec!["create"]);
    }

    #[test]
    fn an_issued_order_never_changes_and_its_number_stays_taken() {
        let mut db = seeded::demo();
        let council = db.caller(COUNCIL);
        let (issued, platform) = issued_order(&mut db);

        let refused = update(
            &mut db,
            &council,
            OrderId(issued.id),
            Expected::Version(issued.version),
            &draft("999-о"),
        )
        .unwrap_err();
        assert_eq!(seeded::reason(refused), RefusalReason::OrderIssued);
        let taken = create(&mut db, &council, platform, &draft(&issued.number)).unwrap_err();
        assert_eq!(
            seeded::fields(taken),
            vec![("number".to_owned(), openapi::FieldErrorCode::Taken)]
        );
        assert_eq!(get(&mut db, &council, OrderId(issued.id)).unwrap(), issued);
    }

    #[test]
    fn a_teacher_may_read_but_not_draft_and_a_partner_school_sees_no_orders() {
        let mut db = seeded::demo();
        let (teacher, partner, director) = (db.caller(TEACHER), db.caller(PARTNER), db.caller(DIRECTOR));
        let (_, platform) = issued_order(&mut db);
        let before = list(&mut db, &teacher, platform).unwrap();
        assert!(matches!(
            create(&mut db, &teacher, platform, &draft("300-о")),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(list(&mut db, &partner, platform), Err(ApiError::NotFound)));
        assert!(matches!(
            issue(
                &mut db,
                &partner,
                OrderId(before[0].id),
                Expected::Version(before[0].version)
            ),
            Err(ApiError::NotFound)
        ));
        assert!(matches!(
            issue(
                &mut db,
                &teacher,
                OrderId(before[0].id),
                Expected::Version(before[0].version)
            ),
            Err(ApiError::Forbidden)
        ));
        assert_eq!(list(&mut db, &director, platform).unwrap(), before);
    }
}
