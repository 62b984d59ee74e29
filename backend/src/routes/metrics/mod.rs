//! Satisfaction and demand metrics of a resource, a project and a school.

use crate::auth::CurrentUser;
use crate::db::models::feedback::{self, Scope};
use crate::db::models::{project, resource};
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::feedback::{Metrics, MonthlyMetrics};
use openapi::{OrganisationId, Problem};

/// A resource the user may read, or `404` (an invisible resource is not revealed).
fn readable_resource(conn: &mut crate::db::DbConnection, current: &CurrentUser, id: i64) -> Result<(), ApiError> {
    let row = resource::find(conn, id)?;
    if policy::can_read_resource(&current.actor, OrganisationId(row.org_id), row.is_published()) {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

/// The metrics of one resource (see `Metrics` for the formulas); a published resource's
/// are open to every signed-in user.
#[utoipa::path(
    tag = "feedback",
    operation_id = "get_resource_metrics",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id")),
    responses(
        (status = 200, description = "The metrics and the counts behind them", body = Metrics),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such resource, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/resources/{id}/metrics")]
pub async fn get_resource_metrics(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Metrics>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        readable_resource(conn, &current, id)?;
        Ok(feedback::metrics(conn, Scope::Resource(id))?)
    })
    .await
    .map(web::Json)
}

/// A resource's satisfaction month by month (UTC months with at least one answer,
/// oldest first; formulas as in `Metrics`): the series behind the chart over time.
#[utoipa::path(
    tag = "feedback",
    operation_id = "get_resource_monthly_metrics",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id")),
    responses(
        (status = 200, description = "One entry per month with answers", body = Vec<MonthlyMetrics>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such resource, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/resources/{id}/metrics/monthly")]
pub async fn get_resource_monthly_metrics(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Vec<MonthlyMetrics>>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        readable_resource(conn, &current, id)?;
        Ok(feedback::monthly(conn, id)?)
    })
    .await
    .map(web::Json)
}

/// The metrics of every resource of a project together.
#[utoipa::path(
    tag = "feedback",
    operation_id = "get_project_metrics",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The metrics and the counts behind them", body = Metrics),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/projects/{id}/metrics")]
pub async fn get_project_metrics(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Metrics>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        let (row, _) = project::find(conn, id)?;
        if !policy::can_read_school_work(&current.actor, OrganisationId(row.org_id)) {
            return Err(ApiError::NotFound);
        }
        Ok(feedback::metrics(conn, Scope::Project(id))?)
    })
    .await
    .map(web::Json)
}

/// The metrics of every resource of a school together.
#[utoipa::path(
    tag = "feedback",
    operation_id = "get_organisation_metrics",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The school's id")),
    responses(
        (status = 200, description = "The metrics and the counts behind them", body = Metrics),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither the school's staff nor the committee", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/organisations/{id}/metrics")]
pub async fn get_organisation_metrics(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Metrics>, ApiError> {
    let id = id.into_inner();
    if !policy::can_read_school_work(&current.actor, OrganisationId(id)) {
        return Err(ApiError::Forbidden);
    }
    crate::db::run(&state.pool, move |conn| Ok(feedback::metrics(conn, Scope::School(id))?))
        .await
        .map(web::Json)
}
