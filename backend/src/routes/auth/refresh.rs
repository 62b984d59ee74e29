//! `POST /api/auth/refresh`.

use crate::db::models::refresh_token::{self, Redeemed};
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{post, web};
use diesel::Connection;
use openapi::Problem;
use openapi::auth::{RefreshRequest, TokenPair};

/// Exchanges a refresh token for a new pair. Each refresh token works once: presenting
/// a spent one is taken as theft and signs the whole session out.
#[utoipa::path(
    tag = "auth",
    operation_id = "refresh_session",
    security(()),
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new token pair; the presented refresh token is spent", body = TokenPair),
        (status = 401, description = "Unknown, spent, revoked or expired refresh token (`invalid_refresh_token`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account is deactivated", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/refresh")]
pub async fn refresh_session(
    state: web::Data<AppState>,
    body: Json<RefreshRequest>,
) -> Result<web::Json<TokenPair>, ApiError> {
    let token = body.0.refresh_token;
    let keys = state.keys.clone();
    crate::db::run(&state.pool, move |conn| {
        // Reuse detection must persist even though the request fails, so the redeem is
        // its own statement; issuing the successor is one transaction.
        match refresh_token::redeem(conn, &token)? {
            Redeemed::Refused => Err(ApiError::InvalidRefreshToken),
            Redeemed::Valid { user_id, family_id } => conn.transaction(|conn| {
                super::issue_tokens(conn, &keys, user_id, Some(family_id.clone())).map_err(|err| match err {
                    ApiError::InvalidToken => ApiError::InvalidRefreshToken,
                    other => other,
                })
            }),
        }
    })
    .await
    .map(web::Json)
}
