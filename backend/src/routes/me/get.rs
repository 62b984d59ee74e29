//! `GET /api/me`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::me;
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
        Unauthorized,
        (status = 403, description = "The account is deactivated", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/me")]
pub async fn get_me(session: Session) -> Result<web::Json<Me>, ApiError> {
    session.run(me::get).await.map(web::Json)
}
