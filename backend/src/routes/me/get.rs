//! `GET /api/me`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::http::versions::tagged;
use crate::services::me;
use actix_web::{HttpResponse, get};
use openapi::Problem;
use openapi::users::Me;

/// The signed-in user with their organisation and roles.
#[utoipa::path(
    tag = "me",
    operation_id = "get_me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The signed-in user", body = Me, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "The account is deactivated", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/me")]
pub async fn get_me(session: Session) -> Result<HttpResponse, ApiError> {
    session.run(me::get).await.map(tagged)
}
