//! `PATCH /api/users/{id}`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Invalid, NotFound, Unauthorized};
use crate::services::users;
use actix_web::{patch, web};
use openapi::users::{UpdateUser, User};
use openapi::{Problem, UserId};

/// Changes an account's name, roles or active flag. Deactivation signs the user out
/// everywhere; administrators cannot deactivate or demote themselves.
#[utoipa::path(
    tag = "users",
    operation_id = "update_user",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The user's id")),
    request_body = UpdateUser,
    responses(
        (status = 200, description = "The updated account", body = User),
        Unauthorized,
        (status = 403, description = "Not this organisation's administrator", body = Problem, content_type = "application/problem+json"),
        NotFound,
        Invalid
    )
)]
#[patch("/users/{id}")]
pub async fn update_user(
    session: Session,
    id: web::Path<UserId>,
    body: Json<UpdateUser>,
) -> Result<web::Json<User>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| users::update(conn, caller, id, &body.0))
        .await
        .map(web::Json)
}
