//! `POST /api/auth/login`.

use crate::error::ApiError;
use crate::extract::Json;
use crate::http::limits::{ClientAddress, EntryPoint};
use crate::services::auth;
use crate::state::AppState;
use actix_web::{post, web};
use openapi::Problem;
use openapi::auth::{LoginRequest, TokenPair};

/// Signs in with e-mail and password. After five failures of one account from one client
/// address, further attempts from that address wait (429 with `Retry-After`), longer with
/// each failure, at most 15 minutes; the account still signs in from other addresses.
/// One address may fail 20 times in 15 minutes whatever the e-mails, and send 60
/// sign-ins at once, then one a second (429 with `Retry-After`).
#[utoipa::path(
    tag = "auth",
    operation_id = "create_session",
    security(()),
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenPair),
        (status = 401, description = "Wrong e-mail or password (`invalid_credentials`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account is deactivated (`account_disabled`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "E-mail or password missing", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts from this address, for this account or in all; see `Retry-After`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/login")]
pub async fn create_session(
    state: web::Data<AppState>,
    address: ClientAddress,
    body: Json<LoginRequest>,
) -> Result<web::Json<TokenPair>, ApiError> {
    let signing_in = auth::login(&state.pool, &state.hashing, &state.keys, address.to_string(), body.0);
    state
        .limits
        .guard(EntryPoint::SignIn, address, signing_in)
        .await
        .map(web::Json)
}
