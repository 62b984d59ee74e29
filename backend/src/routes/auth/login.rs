//! `POST /api/auth/login`.

use crate::auth::password;
use crate::db::models::{self, login_failure, user};
use crate::domain::throttle;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{post, web};
use diesel::Connection;
use openapi::auth::{LoginRequest, TokenPair};
use openapi::{FieldErrorCode, Problem};

/// Signs in with e-mail and password. Five failures for one e-mail within 15 minutes
/// block further attempts for the rest of that window (429 with `Retry-After`).
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
        (status = 429, description = "Too many failed attempts; see `Retry-After`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/login")]
pub async fn create_session(
    state: web::Data<AppState>,
    body: Json<LoginRequest>,
) -> Result<web::Json<TokenPair>, ApiError> {
    let request = body.0;
    let keys = state.keys.clone();
    crate::db::run(&state.pool, move |conn| {
        let email = request.email.trim().to_lowercase();
        if email.is_empty() {
            return Err(ApiError::field("email", FieldErrorCode::Required, "must not be empty"));
        }
        if request.password.is_empty() {
            return Err(ApiError::field(
                "password",
                FieldErrorCode::Required,
                "must not be empty",
            ));
        }
        let now = models::now();
        let (failures, oldest) = login_failure::recent(conn, &email, now - throttle::WINDOW)?;
        if let Some(retry_after) = throttle::retry_after(failures, oldest, now) {
            return Err(ApiError::TooManyRequests { retry_after });
        }
        let found = user::find_by_email(conn, &email)?;
        let user = match found {
            Some(user) if password::verify(&request.password, &user.password_hash) => user,
            found => {
                if found.is_none() {
                    password::verify_nobody(&request.password);
                }
                login_failure::record(conn, &email)?;
                tracing::info!(email = %email, "failed sign-in");
                return Err(ApiError::InvalidCredentials);
            }
        };
        if !user.is_active {
            return Err(ApiError::AccountDisabled);
        }
        conn.transaction(|conn| {
            login_failure::clear(conn, &email)?;
            super::issue_tokens(conn, &keys, user.id, None)
        })
    })
    .await
    .map(web::Json)
}
