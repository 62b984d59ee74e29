//! `PATCH /api/me`.

use crate::auth::{CurrentUser, current_user};
use crate::db::models::user;
use crate::domain::text;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{patch, web};
use diesel::Connection;
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
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid field", body = Problem, content_type = "application/problem+json")
    )
)]
#[patch("/me")]
pub async fn update_me(
    state: web::Data<AppState>,
    current: CurrentUser,
    body: Json<UpdateMe>,
) -> Result<web::Json<Me>, ApiError> {
    let request = body.0;
    let full_name = request
        .full_name
        .as_deref()
        .map(|name| text::bounded("full_name", name, 3, 200))
        .transpose()
        .map_err(|err| ApiError::Validation(vec![err]))?;
    let user_id = current.actor.user_id.0;
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = user::find(conn, user_id)?;
            if let Some(name) = &full_name {
                user::set_full_name(conn, &row, name)?;
            }
            if let Some(locale) = request.locale {
                user::set_locale(conn, user_id, locale)?;
            }
            current_user::load(conn, openapi::UserId(user_id)).map(|user| user.me)
        })
    })
    .await
    .map(web::Json)
}
