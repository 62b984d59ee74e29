//! `POST /api/auth/login`.

use crate::error::ApiError;
use crate::extract::Json;
use crate::http::refresh_cookie;
use crate::services::auth;
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, post, web};
use openapi::Problem;
use openapi::auth::{LoginRequest, TokenPair};

/// Signs in with e-mail and password. Five failures for one e-mail within 15 minutes
/// block further attempts for the rest of that window (429 with `Retry-After`).
///
/// The refresh token is set as the HttpOnly cookie `refresh_token` (`Path=/api/auth`,
/// `SameSite=Strict`, `Secure` over HTTPS) and left out of the body, unless
/// `refresh_token_in_body` is `true`: then it is in the body and no cookie is set.
#[utoipa::path(
    tag = "auth",
    operation_id = "create_session",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in; the refresh token in the `refresh_token` cookie, or in the body when asked", body = TokenPair,
            headers(("Set-Cookie" = String, description = "`refresh_token=…; Path=/api/auth; HttpOnly; SameSite=Strict` unless `refresh_token_in_body`"))),
        (status = 401, description = "Wrong e-mail or password (`invalid_credentials`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account is deactivated (`account_disabled`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "E-mail or password missing", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts; see `Retry-After`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/login")]
pub async fn create_session(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let keys = state.keys.clone();
    let in_body = body.0.refresh_token_in_body;
    let pair = crate::db::run(&state.pool, move |conn| auth::login(conn, &keys, &body.0)).await?;
    Ok(refresh_cookie::session_response(&req, pair, in_body))
}
