//! `GET /api/requests/{id}`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged;
use crate::services::requests;
use actix_web::{HttpResponse, get, web};
use openapi::RequestId;
use openapi::requests::ConsumerRequest;

/// One request with every status change.
#[utoipa::path(
    tag = "requests",
    operation_id = "get_request",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The request's id")),
    responses((status = 200, description = "The request", body = ConsumerRequest, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))), Unauthorized, NotFound)
)]
#[get("/requests/{id}")]
pub async fn get_request(session: Session, id: web::Path<RequestId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| requests::get(conn, caller, id))
        .await
        .map(tagged)
}
