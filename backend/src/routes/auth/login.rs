//! `POST /api/auth/login`.

use crate::error::ApiError;
use crate::extract::Json;
use crate::services::auth;
use crate::state::AppState;
use actix_web::{post, web};
use openapi::Problem;
use openapi::auth::{LoginRequest, TokenPair};

/// Signs in with e-mail and password. Five failures for one e-mail within 15 minutes
/// block further attempts for the rest of that window (429 with `Retry-After`).
#[utoipa::path(
    tag = "auth",
    operation_id = "create_session",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenPair),
        (status = 401, description = "Wrong e-mail or password (`invalid_credentials`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account is deactivated (`account_disabled`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "E-mail or password missing", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts; see `Retry-After`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/login")]
pub async fn create_session(
    state: web::Data<AppState>,
    body: Json<LoginRequest>,
) -> Result<web::Json<TokenPair>, ApiError> {
    let keys = state.keys.clone();
    crate::db::run(&state.pool, move |conn| auth::login(conn, &keys, &body.0))
        .await
        .map(web::Json)
}
