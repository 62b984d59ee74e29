use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::projects;
use actix_web::{HttpResponse, put, web};
use openapi::ProjectId;
use openapi::projects::{Project, ProjectInput};

/// Replaces a project's card (administration or council of its school).
#[utoipa::path(
    tag = "projects",
    operation_id = "update_project",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id"), IfMatch),
    request_body = ProjectInput,
    responses(
        (status = 200, description = "The updated project", body = Project, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[put("/projects/{id}")]
pub async fn update_project(
    session: Session,
    id: web::Path<ProjectId>,
    if_match: IfMatch,
    body: Json<ProjectInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| projects::update(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
