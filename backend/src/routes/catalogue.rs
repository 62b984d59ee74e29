//! `GET /api/catalogue`: the public catalogue of published resources (the «fair»).

use crate::auth::CurrentUser;
use crate::db::models::{PageRequest, feedback, resource};
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::feedback::{CatalogueFilter, CatalogueItem};
use openapi::{Page, PageQuery, Problem};

/// Lists published resources of every school, newest first, with their metrics (see
/// `Metrics` for the formulas), searchable and filterable by form, element, school and
/// level. Open to every signed-in user; a partner school requests from it.
#[utoipa::path(
    tag = "catalogue",
    operation_id = "list_catalogue",
    security(("bearer" = [])),
    params(PageQuery, CatalogueFilter),
    responses(
        (status = 200, description = "One page of published resources", body = Page<CatalogueItem>),
        (status = 400, description = "A query parameter of the wrong type", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/catalogue")]
pub async fn list_catalogue(
    state: web::Data<AppState>,
    _current: CurrentUser,
    page: web::Query<PageQuery>,
    filter: web::Query<CatalogueFilter>,
) -> Result<web::Json<Page<CatalogueItem>>, ApiError> {
    let page = PageRequest::parse(&page)?;
    let filter = filter.into_inner();
    crate::db::run(&state.pool, move |conn| {
        let (rows, total) = resource::list_catalogue(conn, &filter, page)?;
        let ids: Vec<i64> = rows.iter().map(|(resource, _)| resource.id.0).collect();
        let mut metrics = feedback::metrics_by_resource(conn, &ids)?;
        let items = rows
            .into_iter()
            .filter_map(|(resource, level)| {
                metrics.remove(&resource.id.0).map(|metrics| CatalogueItem {
                    resource,
                    level,
                    metrics,
                })
            })
            .collect();
        Ok(page.wrap(items, total))
    })
    .await
    .map(web::Json)
}
