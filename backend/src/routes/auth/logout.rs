//! `POST /api/auth/logout`.

use crate::error::ApiError;
use crate::extract::Json;
use crate::services::auth;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use openapi::Problem;
use openapi::auth::RefreshRequest;

/// Signs out the session of a refresh token: it and every token of its sign-in are
/// revoked. Idempotent; an unknown token is accepted as already signed out.
#[utoipa::path(
    tag = "auth",
    operation_id = "delete_session",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Signed out"),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/logout")]
pub async fn delete_session(state: web::Data<AppState>, body: Json<RefreshRequest>) -> Result<HttpResponse, ApiError> {
    crate::db::run(&state.pool, move |conn| auth::logout(conn, &body.0.refresh_token)).await?;
    Ok(HttpResponse::NoContent().finish())
}
