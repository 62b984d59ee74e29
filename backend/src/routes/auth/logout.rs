//! `POST /api/auth/logout`.

use crate::error::ApiError;
use crate::extract::Json;
use crate::http::refresh_cookie;
use crate::services::auth;
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, post, web};
use openapi::Problem;
use openapi::auth::RefreshRequest;

/// Signs out the session of a refresh token — the body's `refresh_token`, or else the
/// `refresh_token` cookie: it and every token of its sign-in are revoked, and the cookie
/// is removed. Idempotent; an unknown or absent token is accepted as already signed out.
#[utoipa::path(
    tag = "auth",
    operation_id = "delete_session",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Signed out; the `refresh_token` cookie is removed",
            headers(("Set-Cookie" = String, description = "`refresh_token=; Path=/api/auth; Max-Age=0`"))),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/logout")]
pub async fn delete_session(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    if let Some(token) = body.0.refresh_token.or_else(|| refresh_cookie::read(&req)) {
        crate::db::run(&state.pool, move |conn| auth::logout(conn, &token)).await?;
    }
    Ok(HttpResponse::NoContent().cookie(refresh_cookie::removal(&req)).finish())
}
