//! `POST /api/auth/login`.

use crate::error::ApiError;
use crate::extract::Json;
use crate::http::limits::{ClientAddress, EntryPoint};
use crate::http::refresh_cookie;
use crate::services::auth;
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, post, web};
use openapi::Problem;
use openapi::auth::{LoginRequest, TokenPair};

/// Signs in with e-mail and password. After five failures of one account from one client
/// address, further attempts from that address wait (429 with `Retry-After`), longer with
/// each failure, at most 15 minutes; the account still signs in from other addresses.
/// One address may fail 20 times in 15 minutes whatever the e-mails, and send 60
/// sign-ins at once, then one a second (429 with `Retry-After`).
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
        (status = 429, description = "Too many attempts from this address, for this account or in all; see `Retry-After`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/login")]
pub async fn create_session(
    req: HttpRequest,
    state: web::Data<AppState>,
    address: ClientAddress,
    body: Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let in_body = body.0.refresh_token_in_body;
    let signing_in = auth::login(&state.pool, &state.hashing, &state.keys, address.to_string(), body.0);
    let pair = state.limits.guard(EntryPoint::SignIn, address, signing_in).await?;
    Ok(refresh_cookie::session_response(&req, pair, in_body))
}
