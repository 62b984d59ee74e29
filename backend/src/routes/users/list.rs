//! `GET /api/organisations/{id}/users`.

use crate::auth::CurrentUser;
use crate::db::models::{PageRequest, organisation, user};
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::users::{User, UserFilter};
use openapi::{OrganisationId, Page, PageQuery, Problem};

/// Lists an organisation's accounts by name, for its administrator.
#[utoipa::path(
    tag = "users",
    operation_id = "list_users",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The organisation's id"), PageQuery, UserFilter),
    responses(
        (status = 200, description = "One page of accounts", body = Page<User>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not this organisation's administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/organisations/{id}/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    page: web::Query<PageQuery>,
    filter: web::Query<UserFilter>,
) -> Result<web::Json<Page<User>>, ApiError> {
    let org_id = id.into_inner();
    let page = PageRequest::parse(&page)?;
    let filter = filter.into_inner();
    crate::db::run(&state.pool, move |conn| {
        organisation::find(conn, org_id)?;
        if !policy::can_manage_users_of(&current.actor, OrganisationId(org_id)) {
            return Err(ApiError::Forbidden);
        }
        let (rows, total) = user::list(conn, org_id, &filter, page)?;
        let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
        let mut roles = user::roles_of_many(conn, &ids)?;
        let items = rows
            .into_iter()
            .map(|row| {
                let user_roles = roles.remove(&row.id).unwrap_or_default();
                row.into_dto(user_roles)
            })
            .collect();
        Ok(page.wrap(items, total))
    })
    .await
    .map(web::Json)
}
