//! `POST /api/users/{id}/password-reset`.

use crate::auth::{CurrentUser, password};
use crate::db::models::audit::{self, Change};
use crate::db::models::{refresh_token, user};
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{post, web};
use diesel::Connection;
use openapi::Problem;
use openapi::users::PasswordReset;

/// Replaces an account's password with a generated temporary one, shown once, and
/// signs the user out everywhere.
#[utoipa::path(
    tag = "users",
    operation_id = "reset_user_password",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The user's id")),
    responses(
        (status = 200, description = "The temporary password", body = PasswordReset),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not this organisation's administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/users/{id}/password-reset")]
pub async fn reset_user_password(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<PasswordReset>, ApiError> {
    let user_id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        let row = super::managed_user(conn, &current, user_id)?;
        let temporary_password = password::generate(14);
        let hash = password::hash(&temporary_password)?;
        conn.transaction(|conn| {
            user::set_password_hash(conn, user_id, &hash)?;
            refresh_token::revoke_user(conn, user_id)?;
            audit::record::<()>(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(row.org_id),
                    entity: "user",
                    entity_id: user_id,
                    action: "password_reset",
                    before: None,
                    after: None,
                },
            )?;
            Ok(PasswordReset { temporary_password })
        })
    })
    .await
    .map(web::Json)
}
