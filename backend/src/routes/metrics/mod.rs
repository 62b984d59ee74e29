//! Satisfaction and demand metrics of a resource, a project and a school.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::metrics;
use actix_web::{get, web};
use openapi::feedback::{Metrics, MonthlyMetrics};
use openapi::{OrganisationId, Problem, ProjectId, ResourceId};

/// The metrics of one resource (see `Metrics` for the formulas); a published resource's
/// are open to every signed-in user.
#[utoipa::path(
    tag = "feedback",
    operation_id = "get_resource_metrics",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id")),
    responses(
        (status = 200, description = "The metrics and the counts behind them", body = Metrics),
        Unauthorized,
        NotFound
    )
)]
#[get("/resources/{id}/metrics")]
pub async fn get_resource_metrics(session: Session, id: web::Path<ResourceId>) -> Result<web::Json<Metrics>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| metrics::resource(conn, caller, id))
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
        Unauthorized,
        NotFound
    )
)]
#[get("/resources/{id}/metrics/monthly")]
pub async fn get_resource_monthly_metrics(
    session: Session,
    id: web::Path<ResourceId>,
) -> Result<web::Json<Vec<MonthlyMetrics>>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| metrics::resource_monthly(conn, caller, id))
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
        Unauthorized,
        NotFound
    )
)]
#[get("/projects/{id}/metrics")]
pub async fn get_project_metrics(session: Session, id: web::Path<ProjectId>) -> Result<web::Json<Metrics>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| metrics::project(conn, caller, id))
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
        Unauthorized,
        (status = 403, description = "Neither the school's staff nor the committee", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/organisations/{id}/metrics")]
pub async fn get_organisation_metrics(
    session: Session,
    id: web::Path<OrganisationId>,
) -> Result<web::Json<Metrics>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| metrics::organisation(conn, caller, id))
        .await
        .map(web::Json)
}
