use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::projects;
use actix_web::{get, web};
use openapi::ProjectId;
use openapi::projects::Project;

/// One project, for its school and the committee.
#[utoipa::path(
    tag = "projects",
    operation_id = "get_project",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    responses((status = 200, description = "The project", body = Project), Unauthorized, NotFound)
)]
#[get("/projects/{id}")]
pub async fn get_project(session: Session, id: web::Path<ProjectId>) -> Result<web::Json<Project>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| projects::get(conn, caller, id))
        .await
        .map(web::Json)
}
