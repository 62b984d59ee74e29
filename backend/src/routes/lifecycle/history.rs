//! `GET /api/resources/{id}/transitions`.

use crate::auth::CurrentUser;
use crate::db::models::{PageRequest, transition};
use crate::error::ApiError;
use crate::routes::versions::visible_resource;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::lifecycle::Transition;
use openapi::{Page, PageQuery, Problem};

/// The lifecycle history of a resource, oldest first: who moved it, when and why.
#[utoipa::path(
    tag = "lifecycle",
    operation_id = "list_transitions",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id"), PageQuery),
    responses(
        (status = 200, description = "One page of transitions", body = Page<Transition>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such resource, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/resources/{id}/transitions")]
pub async fn list_transitions(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<Transition>>, ApiError> {
    let resource_id = id.into_inner();
    let page = PageRequest::parse(&page)?;
    crate::db::run(&state.pool, move |conn| {
        visible_resource(conn, &current, resource_id, false)?;
        let (items, total) = transition::list(conn, resource_id, page)?;
        Ok(page.wrap(items, total))
    })
    .await
    .map(web::Json)
}
