use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged;
use crate::services::projects;
use actix_web::{HttpResponse, get, web};
use openapi::ProjectId;
use openapi::projects::Project;

/// One project, for its school and the committee.
#[utoipa::path(
    tag = "projects",
    operation_id = "get_project",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    responses((status = 200, description = "The project", body = Project, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))), Unauthorized, NotFound)
)]
#[get("/projects/{id}")]
pub async fn get_project(session: Session, id: web::Path<ProjectId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| projects::get(conn, caller, id))
        .await
        .map(tagged)
}
