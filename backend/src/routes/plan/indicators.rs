//! `GET/POST /api/projects/{id}/indicators`, `PUT /api/indicators/{id}`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self};
use crate::db::models::plan;
use crate::domain::policy;
use crate::domain::text::{self, Errors};
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, put, web};
use diesel::Connection;
use openapi::FieldErrorCode::{OutOfRange, Taken};
use openapi::plan::{Indicator, IndicatorInput};
use openapi::{OrganisationId, Problem};

/// Checks an indicator against its project's school years: title, unit, one value per
/// year, targets and actual values 0 or more.
fn parse(input: &IndicatorInput, years: (i32, i32)) -> Result<(String, String), ApiError> {
    let mut errors = Errors::default();
    let title = errors.take(text::bounded("title", &input.title, 3, 300));
    let unit = errors.take(text::bounded("unit", &input.unit, 1, 30));
    for (index, value) in input.values.iter().enumerate() {
        if value.school_year < years.0 || value.school_year > years.1 {
            errors.add(
                &format!("values[{index}].school_year"),
                OutOfRange,
                format!("must be one of the project's school years, {} to {}", years.0, years.1),
            );
        }
        if input.values[..index].iter().any(|v| v.school_year == value.school_year) {
            errors.add(
                &format!("values[{index}].school_year"),
                Taken,
                "one value per school year",
            );
        }
        if !(value.target.is_finite() && value.target >= 0.0) {
            errors.add(&format!("values[{index}].target"), OutOfRange, "must be 0 or more");
        }
        if value
            .actual
            .is_some_and(|actual| !(actual.is_finite() && actual >= 0.0))
        {
            errors.add(&format!("values[{index}].actual"), OutOfRange, "must be 0 or more");
        }
    }
    errors.finish()?;
    Ok((title.unwrap_or_default(), unit.unwrap_or_default()))
}

/// The indicators of a project's results tracking system with their targets and actual
/// values by school year (achieved % = actual ÷ target × 100).
#[utoipa::path(
    tag = "plan",
    operation_id = "list_indicators",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The indicators", body = Vec<Indicator>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/projects/{id}/indicators")]
pub async fn list_indicators(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Vec<Indicator>>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        crate::routes::projects::readable(conn, &current, id)?;
        Ok(plan::indicators_of(conn, id)?)
    })
    .await
    .map(web::Json)
}

/// Adds an indicator (the school's administration, council or staff).
#[utoipa::path(
    tag = "plan",
    operation_id = "create_indicator",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = IndicatorInput,
    responses(
        (status = 201, description = "The new indicator", body = Indicator),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/projects/{id}/indicators")]
pub async fn create_indicator(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<IndicatorInput>,
) -> Result<HttpResponse, ApiError> {
    let project = id.into_inner();
    let input = body.0;
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = crate::routes::projects::readable(conn, &current, project)?;
            if !policy::can_edit_resources(&current.actor, OrganisationId(row.org_id)) {
                return Err(ApiError::Forbidden);
            }
            let (title, unit) = parse(&input, (row.start_year, row.end_year))?;
            let id = plan::insert_indicator(conn, project, row.org_id, &title, &unit, &input.values)?;
            let created = plan::load_indicator(conn, id)?;
            audit::log(
                conn,
                (current.actor.user_id.0, row.org_id),
                ("indicator", created.id),
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

/// Rewrites an indicator: its title, unit, targets and actual values.
#[utoipa::path(
    tag = "plan",
    operation_id = "update_indicator",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The indicator's id")),
    request_body = IndicatorInput,
    responses(
        (status = 200, description = "The changed indicator", body = Indicator),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such indicator, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[put("/indicators/{id}")]
pub async fn update_indicator(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<IndicatorInput>,
) -> Result<web::Json<Indicator>, ApiError> {
    let id = id.into_inner();
    let input = body.0;
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let (project, _) = plan::find_indicator(conn, id)?;
            let row = crate::routes::projects::readable(conn, &current, project)?;
            if !policy::can_edit_resources(&current.actor, OrganisationId(row.org_id)) {
                return Err(ApiError::Forbidden);
            }
            let (title, unit) = parse(&input, (row.start_year, row.end_year))?;
            let before = plan::load_indicator(conn, id)?;
            plan::update_indicator(conn, id, &title, &unit, &input.values)?;
            let after = plan::load_indicator(conn, id)?;
            audit::log(
                conn,
                (current.actor.user_id.0, row.org_id),
                ("indicator", after.id),
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
