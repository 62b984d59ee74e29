//! `POST /api/me/password`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::Unauthorized;
use crate::services::me;
use actix_web::{post, web};
use openapi::Problem;
use openapi::auth::TokenPair;
use openapi::users::ChangePassword;

/// Changes the signed-in user's password. Every session is signed out; the answer is a
/// fresh token pair for this one.
#[utoipa::path(
    tag = "me",
    operation_id = "update_password",
    security(("bearer" = [])),
    request_body = ChangePassword,
    responses(
        (status = 200, description = "Password changed; a new session", body = TokenPair),
        (status = 400, description = "The current password is wrong (`wrong_password`)", body = Problem, content_type = "application/problem+json"),
        Unauthorized,
        (status = 422, description = "The new password is too short or too long", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/me/password")]
pub async fn update_password(session: Session, body: Json<ChangePassword>) -> Result<web::Json<TokenPair>, ApiError> {
    let keys = session.state().keys.clone();
    session
        .run(move |conn, caller| me::change_password(conn, caller, &keys, &body.0))
        .await
        .map(web::Json)
}
