//! `POST /api/me/password`.

use crate::auth::{CurrentUser, password};
use crate::db::models::{refresh_token, user};
use crate::domain::text;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{post, web};
use diesel::Connection;
use openapi::Problem;
use openapi::auth::TokenPair;
use openapi::users::ChangePassword;

/// Changes the signed-in user's password. Every session is signed out; the answer is a
/// fresh token pair for this one.
#[utoipa::path(
    tag = "me",
    operation_id = "update_password",
    security(("bearer" = [])),
    request_body = ChangePassword,
    responses(
        (status = 200, description = "Password changed; a new session", body = TokenPair),
        (status = 400, description = "The current password is wrong (`wrong_password`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The new password is too short or too long", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/me/password")]
pub async fn update_password(
    state: web::Data<AppState>,
    current: CurrentUser,
    body: Json<ChangePassword>,
) -> Result<web::Json<TokenPair>, ApiError> {
    let request = body.0;
    let new_password =
        text::new_password("new_password", &request.new_password).map_err(|err| ApiError::Validation(vec![err]))?;
    let user_id = current.actor.user_id.0;
    let keys = state.keys.clone();
    crate::db::run(&state.pool, move |conn| {
        let row = user::find(conn, user_id)?;
        if !password::verify(&request.current_password, &row.password_hash) {
            return Err(ApiError::WrongPassword);
        }
        let hash = password::hash(&new_password)?;
        conn.transaction(|conn| {
            user::set_password_hash(conn, user_id, &hash)?;
            refresh_token::revoke_user(conn, user_id)?;
            crate::routes::auth::issue_tokens(conn, &keys, user_id, None)
        })
    })
    .await
    .map(web::Json)
}
