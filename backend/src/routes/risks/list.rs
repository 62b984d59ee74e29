use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::risks;
use actix_web::{get, web};
use openapi::risks::{Risk, RiskFilter};
use openapi::{Page, PageQuery, PilotId, ProjectId};

/// A project's risk register, the highest score (likelihood × impact) first, ties by id.
#[utoipa::path(
    tag = "risks",
    operation_id = "list_project_risks",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id"), PageQuery, RiskFilter),
    responses((status = 200, description = "One page of risks", body = Page<Risk>), Unauthorized, NotFound)
)]
#[get("/projects/{id}/risks")]
pub async fn list_project_risks(
    session: Session,
    id: web::Path<ProjectId>,
    page: web::Query<PageQuery>,
    filter: web::Query<RiskFilter>,
) -> Result<web::Json<Page<Risk>>, ApiError> {
    let (project, page, filter) = (id.into_inner(), page.into_inner(), filter.into_inner());
    session
        .run(move |conn, caller| risks::list_of_project(conn, caller, project, &page, &filter))
        .await
        .map(web::Json)
}

/// A pilot's risk register, the highest score (likelihood × impact) first, ties by id.
#[utoipa::path(
    tag = "risks",
    operation_id = "list_pilot_risks",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The pilot's id"), PageQuery, RiskFilter),
    responses((status = 200, description = "One page of risks", body = Page<Risk>), Unauthorized, NotFound)
)]
#[get("/pilots/{id}/risks")]
pub async fn list_pilot_risks(
    session: Session,
    id: web::Path<PilotId>,
    page: web::Query<PageQuery>,
    filter: web::Query<RiskFilter>,
) -> Result<web::Json<Page<Risk>>, ApiError> {
    let (pilot, page, filter) = (id.into_inner(), page.into_inner(), filter.into_inner());
    session
        .run(move |conn, caller| risks::list_of_pilot(conn, caller, pilot, &page, &filter))
        .await
        .map(web::Json)
}
