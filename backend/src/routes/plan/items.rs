//! `GET/POST /api/projects/{id}/plan-items`, `PUT/DELETE /api/plan-items/{id}`.

use crate::auth::CurrentUser;
use crate::db::DbConnection;
use crate::db::models::attachment::{self, Owner};
use crate::db::models::audit::{self};
use crate::db::models::{PageRequest, plan, project::ProjectRow, user};
use crate::domain::plan::{ItemContext, ItemFields, parse_item};
use crate::domain::policy;
use crate::domain::text::field_error;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, delete, get, post, put, web};
use diesel::{Connection, OptionalExtension};
use openapi::FieldErrorCode::NotAllowed;
use openapi::plan::{PlanFilter, PlanItem, PlanItemInput};
use openapi::{OrganisationId, Page, PageQuery, Problem};

/// The project of an item the user may change, or why not.
fn editable_project(conn: &mut DbConnection, current: &CurrentUser, project: i64) -> Result<ProjectRow, ApiError> {
    let row = crate::routes::projects::readable(conn, current, project)?;
    if policy::can_edit_resources(&current.actor, OrganisationId(row.org_id)) {
        Ok(row)
    } else {
        Err(ApiError::Forbidden)
    }
}

/// Checks the item against its project and fills the responsible person's name from
/// their account.
fn resolve(
    conn: &mut DbConnection,
    project: &ProjectRow,
    input: &PlanItemInput,
    item: Option<i64>,
) -> Result<ItemFields, ApiError> {
    let has_files = match item {
        Some(id) => attachment::count(conn, Owner::PlanItem(id))? > 0,
        None => false,
    };
    let context = ItemContext {
        years: (project.start_year, project.end_year),
        today: super::today(),
        has_files,
    };
    let mut fields = parse_item(input, context)?;
    if let Some(id) = fields.responsible_id {
        match user::find(conn, id).optional()? {
            Some(row) if row.org_id == project.org_id && row.is_active => fields.responsible_name = row.full_name,
            _ => {
                return Err(ApiError::Validation(vec![field_error(
                    "responsible_id",
                    NotAllowed,
                    "must be an active account of this school",
                )]));
            }
        }
    }
    Ok(fields)
}

/// A project's plan items by deadline, each marked overdue when it is.
#[utoipa::path(
    tag = "plan",
    operation_id = "list_plan_items",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id"), PageQuery, PlanFilter),
    responses(
        (status = 200, description = "One page of the plan", body = Page<PlanItem>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/projects/{id}/plan-items")]
pub async fn list_plan_items(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    page: web::Query<PageQuery>,
    filter: web::Query<PlanFilter>,
) -> Result<web::Json<Page<PlanItem>>, ApiError> {
    let id = id.into_inner();
    let page = PageRequest::parse(&page)?;
    let filter = filter.into_inner();
    crate::db::run(&state.pool, move |conn| {
        crate::routes::projects::readable(conn, &current, id)?;
        let (items, total) = plan::list(conn, id, &filter, page, super::today())?;
        Ok(page.wrap(items, total))
    })
    .await
    .map(web::Json)
}

/// Plans an item (the school's administration, council or staff).
#[utoipa::path(
    tag = "plan",
    operation_id = "create_plan_item",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = PlanItemInput,
    responses(
        (status = 201, description = "The new item", body = PlanItem),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/projects/{id}/plan-items")]
pub async fn create_plan_item(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<PlanItemInput>,
) -> Result<HttpResponse, ApiError> {
    let project = id.into_inner();
    let input = body.0;
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = editable_project(conn, &current, project)?;
            let fields = resolve(conn, &row, &input, None)?;
            let id = plan::insert(conn, project, row.org_id, &fields)?;
            let created = plan::load(conn, id, super::today())?;
            audit::log(
                conn,
                (current.actor.user_id.0, row.org_id),
                ("plan_item", id),
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

/// Rewrites an item: its status, evidence and completion date as the work goes.
#[utoipa::path(
    tag = "plan",
    operation_id = "update_plan_item",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The item's id")),
    request_body = PlanItemInput,
    responses(
        (status = 200, description = "The changed item", body = PlanItem),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such item, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[put("/plan-items/{id}")]
pub async fn update_plan_item(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<PlanItemInput>,
) -> Result<web::Json<PlanItem>, ApiError> {
    let id = id.into_inner();
    let input = body.0;
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let existing = plan::find(conn, id)?;
            let row = editable_project(conn, &current, existing.project_id)?;
            let fields = resolve(conn, &row, &input, Some(id))?;
            let today = super::today();
            let before = plan::load(conn, id, today)?;
            plan::update(conn, id, &fields)?;
            let after = plan::load(conn, id, today)?;
            audit::log(
                conn,
                (current.actor.user_id.0, row.org_id),
                ("plan_item", id),
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

/// Removes an item from the plan.
#[utoipa::path(
    tag = "plan",
    operation_id = "delete_plan_item",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The item's id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such item, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/plan-items/{id}")]
pub async fn delete_plan_item(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let keys = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let existing = plan::find(conn, id)?;
            let row = editable_project(conn, &current, existing.project_id)?;
            let before = plan::load(conn, id, super::today())?;
            let keys = attachment::delete_of(conn, Owner::PlanItem(id))?;
            plan::delete(conn, id)?;
            audit::log(
                conn,
                (current.actor.user_id.0, row.org_id),
                ("plan_item", id),
                "delete",
                Some(&before),
                None,
            )?;
            Ok(keys)
        })
    })
    .await?;
    for key in keys {
        crate::http::uploads::discard(&state, &key);
    }
    Ok(HttpResponse::NoContent().finish())
}
