//! `PATCH /api/users/{id}`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::{organisation, refresh_token, user};
use crate::domain::users::UserChanges;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{patch, web};
use diesel::Connection;
use openapi::Problem;
use openapi::users::{UpdateUser, User};

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
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not this organisation's administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json")
    )
)]
#[patch("/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<UpdateUser>,
) -> Result<web::Json<User>, ApiError> {
    let user_id = id.into_inner();
    let request = body.0;
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = super::managed_user(conn, &current, user_id)?;
            let before = row.clone().into_dto(user::roles_of(conn, user_id)?);
            let kind = organisation::find(conn, row.org_id)?.kind();
            let own = current.actor.user_id.0 == user_id;
            let changes = UserChanges::parse(&request, kind, own)?;
            if let Some(name) = &changes.full_name {
                user::set_full_name(conn, &row, name)?;
            }
            if let Some(roles) = &changes.roles {
                user::set_roles(conn, user_id, roles)?;
            }
            if let Some(active) = changes.is_active {
                user::set_active(conn, user_id, active)?;
                if !active {
                    refresh_token::revoke_user(conn, user_id)?;
                }
            }
            let roles = user::roles_of(conn, user_id)?;
            let after = user::find(conn, user_id)?.into_dto(roles);
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(after.org_id.0),
                    entity: "user",
                    entity_id: user_id,
                    action: "update",
                    before: Some(&before),
                    after: Some(&after),
                },
            )?;
            Ok(after)
        })
    })
    .await
    .map(web::Json)
}
