//! `POST /api/me/password`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::refresh_cookie;
use crate::http::responses::Unauthorized;
use crate::services::me;
use actix_web::{HttpRequest, HttpResponse, post};
use openapi::Problem;
use openapi::auth::TokenPair;
use openapi::users::ChangePassword;

/// Changes the signed-in user's password. Every session is signed out; the answer is a
/// fresh token pair for this one, its refresh token delivered as at sign-in: in the
/// `refresh_token` cookie, or in the body when `refresh_token_in_body` is `true`.
#[utoipa::path(
    tag = "me",
    operation_id = "update_password",
    security(("bearer" = [])),
    request_body = ChangePassword,
    responses(
        (status = 200, description = "Password changed; a new session", body = TokenPair,
            headers(("Set-Cookie" = String, description = "The new session's `refresh_token` cookie unless `refresh_token_in_body`"))),
        (status = 400, description = "The current password is wrong (`wrong_password`)", body = Problem, content_type = "application/problem+json"),
        Unauthorized,
        (status = 422, description = "The new password is too short or too long", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/me/password")]
pub async fn update_password(
    req: HttpRequest,
    session: Session,
    body: Json<ChangePassword>,
) -> Result<HttpResponse, ApiError> {
    let keys = session.state().keys.clone();
    let in_body = body.0.refresh_token_in_body;
    let pair = session
        .run(move |conn, caller| me::change_password(conn, caller, &keys, &body.0))
        .await?;
    Ok(refresh_cookie::session_response(&req, pair, in_body))
}
