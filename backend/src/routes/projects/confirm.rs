use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::projects;
use actix_web::{HttpResponse, post, web};
use openapi::projects::{ConfirmationInput, Project};
use openapi::{Problem, ProjectId};

/// Records the yearly confirmation of an innovation platform's status (the school's
/// administration), once per school year of the project.
#[utoipa::path(
    tag = "projects",
    operation_id = "confirm_platform_status",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = ConfirmationInput,
    responses(
        (status = 201, description = "The project with the confirmation", body = Project, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Not the school's administration", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "That school year is confirmed already", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a platform, a year outside the project, a date in the future, or no basis", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/projects/{id}/confirmations")]
pub async fn confirm_platform_status(
    session: Session,
    id: web::Path<ProjectId>,
    body: Json<ConfirmationInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let confirmed = session
        .run(move |conn, caller| projects::confirm(conn, caller, id, &body.0))
        .await?;
    Ok(tagged_created(confirmed))
}
