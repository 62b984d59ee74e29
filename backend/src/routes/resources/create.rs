//! `POST /api/projects/{id}/resources`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::resources;
use actix_web::{HttpResponse, post, web};
use openapi::resources::{Resource, ResourceInput};
use openapi::{Problem, ProjectId};

/// Registers a resource of a project, at the first lifecycle stage (request).
#[utoipa::path(
    tag = "resources",
    operation_id = "create_resource",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = ResourceInput,
    responses(
        (status = 201, description = "The new resource", body = Resource, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Not staff, council or administration of the project's school", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 422, description = "Invalid fields (shares not adding up to 100, fields of another form …)", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/projects/{id}/resources")]
pub async fn create_resource(
    session: Session,
    id: web::Path<ProjectId>,
    body: Json<ResourceInput>,
) -> Result<HttpResponse, ApiError> {
    let project = id.into_inner();
    let created = session
        .run(move |conn, caller| resources::create(conn, caller, project, &body.0))
        .await?;
    Ok(tagged_created(created))
}
