//! `GET /api/resources/{id}`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged;
use crate::services::resources;
use actix_web::{HttpResponse, get, web};
use openapi::ResourceId;
use openapi::resources::Resource;

/// One resource: a published one for everyone signed in, an internal one for its school
/// and the committee.
#[utoipa::path(
    tag = "resources",
    operation_id = "get_resource",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id")),
    responses((status = 200, description = "The resource", body = Resource, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))), Unauthorized, NotFound)
)]
#[get("/resources/{id}")]
pub async fn get_resource(session: Session, id: web::Path<ResourceId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| resources::get(conn, caller, id))
        .await
        .map(tagged)
}
