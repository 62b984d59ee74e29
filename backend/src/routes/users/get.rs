//! `GET /api/users/{id}`.

use crate::auth::CurrentUser;
use crate::db::models::user;
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::users::User;
use openapi::{OrganisationId, Problem, UserId};

/// One account: the user's own, or one of an organisation the actor administers.
#[utoipa::path(
    tag = "users",
    operation_id = "get_user",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The user's id")),
    responses(
        (status = 200, description = "The account", body = User),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<User>, ApiError> {
    let user_id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        let row = user::find(conn, user_id)?;
        if !policy::can_read_user(&current.actor, UserId(row.id), OrganisationId(row.org_id)) {
            return Err(ApiError::NotFound);
        }
        let roles = user::roles_of(conn, row.id)?;
        Ok(row.into_dto(roles))
    })
    .await
    .map(web::Json)
}
