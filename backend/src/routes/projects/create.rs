use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::projects;
use actix_web::{HttpResponse, post};
use openapi::projects::{Project, ProjectInput};

/// Registers a project of the signed-in user's school (administration or council).
#[utoipa::path(
    tag = "projects",
    operation_id = "create_project",
    security(("bearer" = [])),
    request_body = ProjectInput,
    responses(
        (status = 201, description = "The new project", body = Project, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        Invalid
    )
)]
#[post("/projects")]
pub async fn create_project(session: Session, body: Json<ProjectInput>) -> Result<HttpResponse, ApiError> {
    let created = session
        .run(move |conn, caller| projects::create(conn, caller, &body.0))
        .await?;
    Ok(tagged_created(created))
}
