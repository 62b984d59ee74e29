use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, Unauthorized};
use crate::services::projects;
use actix_web::{put, web};
use openapi::ProjectId;
use openapi::projects::{Project, ProjectInput};

/// Replaces a project's card (administration or council of its school).
#[utoipa::path(
    tag = "projects",
    operation_id = "update_project",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = ProjectInput,
    responses(
        (status = 200, description = "The updated project", body = Project),
        Unauthorized,
        Forbidden,
        NotFound,
        Invalid
    )
)]
#[put("/projects/{id}")]
pub async fn update_project(
    session: Session,
    id: web::Path<ProjectId>,
    body: Json<ProjectInput>,
) -> Result<web::Json<Project>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| projects::update(conn, caller, id, &body.0))
        .await
        .map(web::Json)
}
