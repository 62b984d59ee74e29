//! `POST /api/auth/refresh`.

use crate::error::ApiError;
use crate::extract::Json;
use crate::http::limits::{ClientAddress, EntryPoint};
use crate::http::refresh_cookie;
use crate::services::auth;
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, post, web};
use openapi::Problem;
use openapi::auth::{RefreshRequest, TokenPair};

/// Exchanges a refresh token for a new pair. Each refresh token works once: presenting
/// a spent one is taken as theft and signs the whole session out. One client address may
/// present 30 bad tokens in 15 minutes, and send 60 refreshes at once, then one a second
/// (429 with `Retry-After`).
///
/// The token is the body's `refresh_token`, or else the `refresh_token` cookie (send
/// `{}`). The successor goes back the same way: in the body for a body token, in the
/// cookie for a cookie. A refused cookie is removed.
#[utoipa::path(
    tag = "auth",
    operation_id = "refresh_session",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new token pair; the presented refresh token is spent", body = TokenPair,
            headers(("Set-Cookie" = String, description = "The successor in the `refresh_token` cookie, when the token came from it"))),
        (status = 401, description = "No, unknown, spent, revoked or expired refresh token (`invalid_refresh_token`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account is deactivated", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many refreshes or bad tokens from this address; see `Retry-After`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/refresh")]
pub async fn refresh_session(
    req: HttpRequest,
    state: web::Data<AppState>,
    address: ClientAddress,
    body: Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let (token, in_body) = match body.0.refresh_token {
        Some(token) => (token, true),
        None => match refresh_cookie::read(&req) {
            Some(token) => (token, false),
            None => return Err(ApiError::InvalidRefreshToken),
        },
    };
    let keys = state.keys.clone();
    let refreshing = crate::db::run(&state.pool, move |conn| auth::refresh(conn, &keys, &token));
    match state.limits.guard(EntryPoint::Refresh, address, refreshing).await {
        Ok(pair) => Ok(refresh_cookie::session_response(&req, pair, in_body)),
        Err(err) if !in_body => Ok(refresh_cookie::refused(&req, &err)),
        Err(err) => Err(err),
    }
}
