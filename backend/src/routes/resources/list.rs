//! `GET /api/resources`.

use crate::auth::CurrentUser;
use crate::db::models::{PageRequest, resource};
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::resources::{Resource, ResourceFilter};
use openapi::{Page, PageQuery, Problem};

/// Lists resources, newest first. The committee reads every school's; school staff read
/// their own school's (published resources of all schools are in the catalogue).
#[utoipa::path(
    tag = "resources",
    operation_id = "list_resources",
    security(("bearer" = [])),
    params(PageQuery, ResourceFilter),
    responses(
        (status = 200, description = "One page of resources", body = Page<Resource>),
        (status = 400, description = "A query parameter of the wrong type", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to read these resources", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/resources")]
pub async fn list_resources(
    state: web::Data<AppState>,
    current: CurrentUser,
    page: web::Query<PageQuery>,
    filter: web::Query<ResourceFilter>,
) -> Result<web::Json<Page<Resource>>, ApiError> {
    let page = PageRequest::parse(&page)?;
    let mut filter = filter.into_inner();
    filter.org_id = policy::school_work_scope(&current.actor, filter.org_id)?;
    crate::db::run(&state.pool, move |conn| {
        let (items, total) = resource::list(conn, &filter, page)?;
        Ok(page.wrap(items, total))
    })
    .await
    .map(web::Json)
}
