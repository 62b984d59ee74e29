//! `GET /api/me`.

use crate::auth::CurrentUser;
use actix_web::{get, web};
use openapi::Problem;
use openapi::users::Me;

/// The signed-in user with their organisation and roles.
#[utoipa::path(
    tag = "me",
    operation_id = "get_me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The signed-in user", body = Me),
        (status = 401, description = "Not signed in, or the token is invalid or expired", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account is deactivated", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/me")]
pub async fn get_me(user: CurrentUser) -> web::Json<Me> {
    web::Json(user.me)
}
