//! `POST /api/requests/{id}/decision`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::requests;
use actix_web::{HttpResponse, post, web};
use openapi::requests::{ConsumerRequest, RequestDecision};
use openapi::{Problem, RequestId};

/// Decides a request for the signed-in user's school: accept it with the resource that
/// will answer it, answer it with an existing resource, or decline it with a reason.
/// The requester sees the change in the request's history.
#[utoipa::path(
    tag = "requests",
    operation_id = "decide_request",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The request's id"), IfMatch),
    request_body = RequestDecision,
    responses(
        (status = 200, description = "The decided request", body = ConsumerRequest, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Not staff, council or administration of a school", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "Decided already, addressed to another school, or an open request that cannot be declined", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A resource of another school, or a reason too short", body = Problem, content_type = "application/problem+json"),
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[post("/requests/{id}/decision")]
pub async fn decide_request(
    session: Session,
    id: web::Path<RequestId>,
    if_match: IfMatch,
    body: Json<RequestDecision>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| requests::decide(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
