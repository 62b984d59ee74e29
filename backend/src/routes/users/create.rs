//! `POST /api/organisations/{id}/users`.

use crate::auth::{CurrentUser, password};
use crate::db::models::audit::{self, Change};
use crate::db::models::organisation;
use crate::db::models::user::{self, NewUserRow};
use crate::domain::policy;
use crate::domain::text::field_error;
use crate::domain::users::NewUser;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use diesel::Connection;
use openapi::users::{CreateUser, User};

use openapi::{FieldErrorCode, OrganisationId, Problem};

/// Creates an account in an organisation, for its administrator.
#[utoipa::path(
    tag = "users",
    operation_id = "create_user",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The organisation's id")),
    request_body = CreateUser,
    responses(
        (status = 201, description = "The new account", body = User),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not this organisation's administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The e-mail is taken (`errors[].field = email`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/organisations/{id}/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<CreateUser>,
) -> Result<HttpResponse, ApiError> {
    let org_id = id.into_inner();
    let request = body.0;
    let created = crate::db::run(&state.pool, move |conn| {
        let org = organisation::find(conn, org_id)?;
        if !policy::can_manage_users_of(&current.actor, OrganisationId(org_id)) {
            return Err(ApiError::Forbidden);
        }
        let new = NewUser::parse(&request, org.kind())?;
        let hash = password::hash(&new.password)?;
        conn.transaction(|conn| {
            if user::email_taken(conn, &new.email)? {
                return Err(ApiError::Conflict {
                    detail: "An account with this e-mail exists.".to_owned(),
                    errors: vec![field_error("email", FieldErrorCode::Taken, "is already in use")],
                });
            }
            let row = NewUserRow {
                org_id,
                email: &new.email,
                full_name: &new.full_name,
                password_hash: &hash,
                roles: &new.roles,
                is_platform_admin: false,
            };
            let id = user::insert(conn, &row)?;
            let created = user::find(conn, id)?.into_dto(new.roles.clone());
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(org_id),
                    entity: "user",
                    entity_id: id,
                    action: "create",
                    before: None,
                    after: Some(&created),
                },
            )?;
            Ok(created)
        })
    })
    .await?;
    tracing::info!(user_id = created.id.0, org_id, "account created");
    Ok(HttpResponse::Created().json(created))
}
