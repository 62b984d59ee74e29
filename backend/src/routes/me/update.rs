//! `PATCH /api/me`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::me;
use actix_web::{HttpResponse, patch};
use openapi::Problem;
use openapi::users::{Me, UpdateMe};

/// Changes the signed-in user's name or interface language.
#[utoipa::path(
    tag = "me",
    operation_id = "update_me",
    security(("bearer" = [])),
    params(IfMatch),
    request_body = UpdateMe,
    responses(
        (status = 200, description = "The updated profile", body = Me, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 422, description = "An invalid field", body = Problem, content_type = "application/problem+json"),
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[patch("/me")]
pub async fn update_me(session: Session, if_match: IfMatch, body: Json<UpdateMe>) -> Result<HttpResponse, ApiError> {
    let expected = if_match.expected();
    session
        .run(move |conn, caller| me::update(conn, caller, expected, &body.0))
        .await
        .map(tagged)
}
