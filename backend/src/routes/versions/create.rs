//! `POST /api/resources/{id}/versions`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::versions;
use actix_web::{HttpResponse, post, web};
use openapi::resources::{ResourceVersion, VersionInput};
use openapi::{Problem, ResourceId};

/// Starts the next version of a resource (a design document or a product) with the
/// current authorship; upload its files next.
#[utoipa::path(
    tag = "resources",
    operation_id = "create_resource_version",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id")),
    request_body = VersionInput,
    responses(
        (status = 201, description = "The new version, without files yet", body = ResourceVersion),
        Unauthorized,
        (status = 403, description = "Not staff, council or administration of the resource's school", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 422, description = "Notes too long", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/resources/{id}/versions")]
pub async fn create_resource_version(
    session: Session,
    id: web::Path<ResourceId>,
    body: Json<VersionInput>,
) -> Result<HttpResponse, ApiError> {
    let resource = id.into_inner();
    let created = session
        .run(move |conn, caller| versions::create(conn, caller, resource, &body.0))
        .await?;
    Ok(HttpResponse::Created().json(created))
}
