//! `GET /api/resources/{id}/versions`.

use crate::auth::CurrentUser;
use crate::db::models::{PageRequest, version};
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::resources::ResourceVersion;
use openapi::{Page, PageQuery, Problem};

/// Lists a resource's versions, newest first, with their files.
#[utoipa::path(
    tag = "resources",
    operation_id = "list_resource_versions",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id"), PageQuery),
    responses(
        (status = 200, description = "One page of versions", body = Page<ResourceVersion>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such resource, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/resources/{id}/versions")]
pub async fn list_resource_versions(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<ResourceVersion>>, ApiError> {
    let resource_id = id.into_inner();
    let page = PageRequest::parse(&page)?;
    crate::db::run(&state.pool, move |conn| {
        super::visible_resource(conn, &current, resource_id, false)?;
        let (items, total) = version::list(conn, resource_id, page)?;
        Ok(page.wrap(items, total))
    })
    .await
    .map(web::Json)
}
