//! Orders (приказы) on innovation activity (Regulation 4.5): drafts written from the
//! project, issued by the director when the project is ready, never changed afterwards,
//! downloadable as DOCX. `GET/POST /api/projects/{id}/orders`, `GET/PUT /api/orders/{id}`,
//! `POST /api/orders/{id}/issue`, `GET /api/orders/{id}/docx`.

use crate::auth::CurrentUser;
use crate::db::DbConnection;
use crate::db::models::audit::{self};
use crate::db::models::order::{self, Body, OrderContent};
use crate::db::models::project::{self, ProjectRow};
use crate::db::models::structure;
use crate::db::schema::{problems, project_directions, project_problems, ranking_rounds};
use crate::domain::orders::{self as rules, Readiness};
use crate::domain::policy;
use crate::domain::text::field_error;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpResponse, get, post, put, web};
use diesel::prelude::*;
use openapi::FieldErrorCode::{NotAllowed, Taken};
use openapi::orders::{Order, OrderInput, OrderParticipant, OrderStatus};
use openapi::structures::StructureStatus;
use openapi::{OrganisationId, Problem};

/// The participants of a project: every member of its structures as last approved.
pub fn participants(conn: &mut DbConnection, project: i64) -> Result<Vec<OrderParticipant>, ApiError> {
    Ok(structure::for_project(conn, project)?
        .into_iter()
        .filter_map(|s| {
            let approved = s.approvals.into_iter().next()?;
            let name = s.name;
            Some(approved.members.into_iter().map(move |m| OrderParticipant {
                name: m.name,
                structure: name.clone(),
                function: m.function,
                competence: m.competence,
            }))
        })
        .flatten()
        .collect())
}

/// The project's directions of work, in order.
pub fn directions(conn: &mut DbConnection, project: i64) -> Result<Vec<String>, ApiError> {
    Ok(project_directions::table
        .filter(project_directions::project_id.eq(project))
        .order(project_directions::position)
        .select(project_directions::title)
        .load(conn)?)
}

/// What issuing needs, read from the database.
fn readiness(conn: &mut DbConnection, project: i64) -> Result<Readiness, ApiError> {
    let structures = structure::for_project(conn, project)?;
    let ranked: i64 = project_problems::table
        .inner_join(problems::table.on(problems::id.eq(project_problems::problem_id)))
        .inner_join(ranking_rounds::table.on(ranking_rounds::id.eq(problems::round_id)))
        .filter(project_problems::project_id.eq(project))
        .filter(ranking_rounds::frozen_at.is_not_null())
        .count()
        .get_result(conn)?;
    Ok(Readiness {
        package_approved: crate::routes::package::is_approved(conn, project)?,
        structures_approved: !structures.is_empty() && structures.iter().all(|s| s.status == StructureStatus::Approved),
        cites_ranked_problems: ranked > 0,
    })
}

/// The draft's content: the given title and points, or the standard ones.
fn content(
    conn: &mut DbConnection,
    project: &ProjectRow,
    input: &OrderInput,
    existing: Option<i64>,
) -> Result<OrderContent, ApiError> {
    let fields = rules::parse(input, (project.start_year, project.end_year))?;
    if let Some(superseded) = input.supersedes_id {
        let valid = order::find(conn, superseded)
            .optional()?
            .is_some_and(|o| o.project_id == project.id && o.status() == OrderStatus::Issued && Some(o.id) != existing);
        if !valid {
            return Err(ApiError::Validation(vec![field_error(
                "supersedes_id",
                NotAllowed,
                "must be an issued order of this project",
            )]));
        }
    }
    let taken = crate::db::schema::orders::table
        .filter(crate::db::schema::orders::org_id.eq(project.org_id))
        .filter(crate::db::schema::orders::number.eq(&fields.number))
        .filter(crate::db::schema::orders::id.ne(existing.unwrap_or(0)))
        .count()
        .get_result::<i64>(conn)?;
    if taken > 0 {
        return Err(ApiError::Validation(vec![field_error(
            "number",
            Taken,
            "the school already has an order with this number",
        )]));
    }
    let points = match fields.points {
        Some(points) => points,
        None => rules::standard_points(&project.title, input.school_year, &directions(conn, project.id)?),
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
            participants: participants(conn, project.id)?,
        },
        signatory_name: fields.signatory_name,
        signatory_position: fields.signatory_position,
        supersedes_id: input.supersedes_id,
    })
}

/// An order the user may read, with its project.
fn readable(
    conn: &mut DbConnection,
    current: &CurrentUser,
    id: i64,
) -> Result<(order::OrderRow, ProjectRow), ApiError> {
    let row = order::find(conn, id)?;
    if !policy::can_read_school_work(&current.actor, OrganisationId(row.org_id)) {
        return Err(ApiError::NotFound);
    }
    let (project, _) = project::find(conn, row.project_id)?;
    Ok((row, project))
}

/// The orders of a project, the latest first.
#[utoipa::path(
    tag = "orders",
    operation_id = "list_orders",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The orders", body = Vec<Order>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/projects/{id}/orders")]
pub async fn list_orders(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Vec<Order>>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        crate::routes::projects::readable(conn, &current, id)?;
        Ok(order::for_project(conn, id)?)
    })
    .await
    .map(web::Json)
}

/// Drafts an order of a project (the school's administration or council): the standard
/// title and points from the project's directions unless given, the participants from
/// its approved structures.
#[utoipa::path(
    tag = "orders",
    operation_id = "create_order",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = OrderInput,
    responses(
        (status = 201, description = "The draft", body = Order),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration or council", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, a number in use, or a wrong superseded order", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/projects/{id}/orders")]
pub async fn create_order(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<OrderInput>,
) -> Result<HttpResponse, ApiError> {
    let project_id = id.into_inner();
    let input = body.0;
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let project = crate::routes::projects::readable(conn, &current, project_id)?;
            if !policy::can_manage_projects(&current.actor, OrganisationId(project.org_id)) {
                return Err(ApiError::Forbidden);
            }
            let content = content(conn, &project, &input, None)?;
            let id = order::insert(conn, project.org_id, project.id, &content, current.actor.user_id.0)?;
            let created = order::load(conn, id)?;
            audit::log(
                conn,
                (current.actor.user_id.0, created.org_id.0),
                ("order", created.id),
                "create",
                None,
                Some(&created),
            )?;
            Ok(created)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(created))
}

/// One order.
#[utoipa::path(
    tag = "orders",
    operation_id = "get_order",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The order's id")),
    responses(
        (status = 200, description = "The order", body = Order),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/orders/{id}")]
pub async fn get_order(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Order>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        readable(conn, &current, id)?;
        Ok(order::load(conn, id)?)
    })
    .await
    .map(web::Json)
}

/// Rewrites a draft (administration or council); an issued order is refused with
/// `order_issued`: a change is a new order that supersedes it.
#[utoipa::path(
    tag = "orders",
    operation_id = "update_order",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The order's id")),
    request_body = OrderInput,
    responses(
        (status = 200, description = "The changed draft", body = Order),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration or council", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The order is issued (`order_issued`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[put("/orders/{id}")]
pub async fn update_order(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<OrderInput>,
) -> Result<web::Json<Order>, ApiError> {
    let id = id.into_inner();
    let input = body.0;
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let (row, project) = readable(conn, &current, id)?;
            if !policy::can_manage_projects(&current.actor, OrganisationId(row.org_id)) {
                return Err(ApiError::Forbidden);
            }
            rules::editable(row.status())?;
            let content = content(conn, &project, &input, Some(id))?;
            let before = order::load(conn, id)?;
            if !order::update(conn, id, &content)? {
                rules::editable(OrderStatus::Issued)?;
            }
            let after = order::load(conn, id)?;
            audit::log(
                conn,
                (current.actor.user_id.0, after.org_id.0),
                ("order", after.id),
                "update",
                Some(&before),
                Some(&after),
            )?;
            Ok(after)
        })
    })
    .await
    .map(web::Json)
}

/// The director issues a draft. Refused (409) unless the package is approved
/// (`package_not_approved`), every structure of the project is approved
/// (`structures_not_approved`) and the project cites a problem of a frozen ranking
/// (`no_ranked_problems`); an issued order is not issued again (`order_issued`).
#[utoipa::path(
    tag = "orders",
    operation_id = "issue_order",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The order's id")),
    responses(
        (status = 200, description = "The issued order", body = Order),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration (the director)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Issued already, or the project is not ready; `reason` says which", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/orders/{id}/issue")]
pub async fn issue_order(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Order>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let (row, project) = readable(conn, &current, id)?;
            if !policy::is_director_of(&current.actor, OrganisationId(row.org_id)) {
                return Err(ApiError::Forbidden);
            }
            rules::can_issue(row.status(), readiness(conn, project.id)?)?;
            let before = order::load(conn, id)?;
            let people = participants(conn, project.id)?;
            if !order::issue(conn, id, &people, current.actor.user_id.0)? {
                rules::editable(OrderStatus::Issued)?;
            }
            let after = order::load(conn, id)?;
            audit::log(
                conn,
                (current.actor.user_id.0, after.org_id.0),
                ("order", after.id),
                "issue",
                Some(&before),
                Some(&after),
            )?;
            Ok(after)
        })
    })
    .await
    .map(web::Json)
}

/// The order as a DOCX file laid out as a Russian school order (header with the school's
/// name, ПРИКАЗ, date and number, numbered points, signature line, the participants in
/// an appendix). A draft's file is marked as a draft in its name.
#[utoipa::path(
    tag = "orders",
    operation_id = "download_order_docx",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The order's id")),
    responses(
        (status = 200, description = "The DOCX file", body = Vec<u8>, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/orders/{id}/docx")]
pub async fn download_order_docx(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let found = crate::db::run(&state.pool, move |conn| {
        readable(conn, &current, id)?;
        Ok(order::load(conn, id)?)
    })
    .await?;
    let bytes = crate::docx::order_docx(&found).map_err(|err| ApiError::Internal(err.into()))?;
    let safe_number: String = found
        .number
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' })
        .collect();
    let draft = if found.status == OrderStatus::Draft {
        "-draft"
    } else {
        ""
    };
    let name = format!("order-{safe_number}{draft}.docx");
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CONTENT_TYPE,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ))
        .insert_header(crate::routes::uploads::disposition(&name))
        .body(bytes))
}
