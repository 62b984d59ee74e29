//! `GET /api/organisations/{id}`.

use crate::auth::CurrentUser;
use crate::db::models::organisation;
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::Problem;
use openapi::organisations::Organisation;

/// One organisation.
#[utoipa::path(
    tag = "organisations",
    operation_id = "get_organisation",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The organisation's id")),
    responses(
        (status = 200, description = "The organisation", body = Organisation),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/organisations/{id}")]
pub async fn get_organisation(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Organisation>, ApiError> {
    if !policy::can_read_organisations(&current.actor) {
        return Err(ApiError::NotFound);
    }
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| Ok(organisation::find(conn, id)?.into_dto()))
        .await
        .map(web::Json)
}
