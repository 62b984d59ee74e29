//! `PUT /api/resources/{id}`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::resources;
use actix_web::{HttpResponse, put, web};
use openapi::resources::{Resource, ResourceInput};
use openapi::{Problem, ResourceId};

/// Replaces a resource's card; its lifecycle stage changes only through transitions.
#[utoipa::path(
    tag = "resources",
    operation_id = "update_resource",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id"), IfMatch),
    request_body = ResourceInput,
    responses(
        (status = 200, description = "The updated resource", body = Resource, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Not staff, council or administration of the resource's school", body = Problem, content_type = "application/problem+json"),
        NotFound,
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[put("/resources/{id}")]
pub async fn update_resource(
    session: Session,
    id: web::Path<ResourceId>,
    if_match: IfMatch,
    body: Json<ResourceInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| resources::update(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
