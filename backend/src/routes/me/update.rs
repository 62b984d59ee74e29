//! `PATCH /api/me`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::Unauthorized;
use crate::services::me;
use actix_web::{patch, web};
use openapi::Problem;
use openapi::users::{Me, UpdateMe};

/// Changes the signed-in user's name or interface language.
#[utoipa::path(
    tag = "me",
    operation_id = "update_me",
    security(("bearer" = [])),
    request_body = UpdateMe,
    responses(
        (status = 200, description = "The updated profile", body = Me),
        Unauthorized,
        (status = 422, description = "An invalid field", body = Problem, content_type = "application/problem+json")
    )
)]
#[patch("/me")]
pub async fn update_me(session: Session, body: Json<UpdateMe>) -> Result<web::Json<Me>, ApiError> {
    session
        .run(move |conn, caller| me::update(conn, caller, &body.0))
        .await
        .map(web::Json)
}
