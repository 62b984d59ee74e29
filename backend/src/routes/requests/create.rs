//! `POST /api/requests`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::Unauthorized;
use crate::http::versions::tagged_created;
use crate::services::requests;
use actix_web::{HttpResponse, post};
use openapi::Problem;
use openapi::requests::{ConsumerRequest, RequestInput};

/// Files a consumer request: to a school, for a published resource of the catalogue, or
/// open to every school. Partner schools' staff and the committee.
#[utoipa::path(
    tag = "requests",
    operation_id = "create_request",
    security(("bearer" = [])),
    request_body = RequestInput,
    responses(
        (status = 201, description = "The filed request", body = ConsumerRequest, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Neither a partner school's staff nor the committee", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (a target that is not another school, an unpublished resource …)", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/requests")]
pub async fn create_request(session: Session, body: Json<RequestInput>) -> Result<HttpResponse, ApiError> {
    let created = session
        .run(move |conn, caller| requests::create(conn, caller, &body.0))
        .await?;
    Ok(tagged_created(created))
}
