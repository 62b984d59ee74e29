use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::plan;
use actix_web::{get, web};
use openapi::ProjectId;
use openapi::plan::Indicator;

/// The indicators of a project's results tracking system with their targets and actual
/// values by school year (achieved % = actual ÷ target × 100).
#[utoipa::path(
    tag = "plan",
    operation_id = "list_indicators",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    responses((status = 200, description = "The indicators", body = Vec<Indicator>), Unauthorized, NotFound)
)]
#[get("/projects/{id}/indicators")]
pub async fn list_indicators(
    session: Session,
    id: web::Path<ProjectId>,
) -> Result<web::Json<Vec<Indicator>>, ApiError> {
    let project = id.into_inner();
    session
        .run(move |conn, caller| plan::indicators(conn, caller, project))
        .await
        .map(web::Json)
}
