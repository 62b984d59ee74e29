//! `POST /api/users/{id}/password-reset`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::users;
use actix_web::{post, web};
use openapi::users::PasswordReset;
use openapi::{Problem, UserId};

/// Replaces an account's password with a generated temporary one, shown once, and
/// signs the user out everywhere.
#[utoipa::path(
    tag = "users",
    operation_id = "reset_user_password",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The user's id")),
    responses(
        (status = 200, description = "The temporary password", body = PasswordReset),
        Unauthorized,
        (status = 403, description = "Not this organisation's administrator", body = Problem, content_type = "application/problem+json"),
        NotFound
    )
)]
#[post("/users/{id}/password-reset")]
pub async fn reset_user_password(
    session: Session,
    id: web::Path<UserId>,
) -> Result<web::Json<PasswordReset>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| users::reset_password(conn, caller, id))
        .await
        .map(web::Json)
}
