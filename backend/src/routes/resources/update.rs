//! `PUT /api/resources/{id}`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Invalid, NotFound, Unauthorized};
use crate::services::resources;
use actix_web::{put, web};
use openapi::resources::{Resource, ResourceInput};
use openapi::{Problem, ResourceId};

/// Replaces a resource's card; its lifecycle stage changes only through transitions.
#[utoipa::path(
    tag = "resources",
    operation_id = "update_resource",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id")),
    request_body = ResourceInput,
    responses(
        (status = 200, description = "The updated resource", body = Resource),
        Unauthorized,
        (status = 403, description = "Not staff, council or administration of the resource's school", body = Problem, content_type = "application/problem+json"),
        NotFound,
        Invalid
    )
)]
#[put("/resources/{id}")]
pub async fn update_resource(
    session: Session,
    id: web::Path<ResourceId>,
    body: Json<ResourceInput>,
) -> Result<web::Json<Resource>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| resources::update(conn, caller, id, &body.0))
        .await
        .map(web::Json)
}
