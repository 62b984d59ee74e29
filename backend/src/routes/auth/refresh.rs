//! `POST /api/auth/refresh`.

use crate::error::ApiError;
use crate::extract::Json;
use crate::http::limits::{ClientAddress, EntryPoint};
use crate::services::auth;
use crate::state::AppState;
use actix_web::{post, web};
use openapi::Problem;
use openapi::auth::{RefreshRequest, TokenPair};

/// Exchanges a refresh token for a new pair. Each refresh token works once: presenting
/// a spent one is taken as theft and signs the whole session out. One client address may
/// present 30 bad tokens in 15 minutes, and send 60 refreshes at once, then one a second
/// (429 with `Retry-After`).
#[utoipa::path(
    tag = "auth",
    operation_id = "refresh_session",
    security(()),
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new token pair; the presented refresh token is spent", body = TokenPair),
        (status = 401, description = "Unknown, spent, revoked or expired refresh token (`invalid_refresh_token`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account is deactivated", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many refreshes or bad tokens from this address; see `Retry-After`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/refresh")]
pub async fn refresh_session(
    state: web::Data<AppState>,
    address: ClientAddress,
    body: Json<RefreshRequest>,
) -> Result<web::Json<TokenPair>, ApiError> {
    let keys = state.keys.clone();
    let refreshing = crate::db::run(&state.pool, move |conn| {
        auth::refresh(conn, &keys, &body.0.refresh_token)
    });
    state
        .limits
        .guard(EntryPoint::Refresh, address, refreshing)
        .await
        .map(web::Json)
}
