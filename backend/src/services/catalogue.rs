//! The public catalogue (the «fair») of published resources with their metrics.

use super::{Caller, Outcome};
use crate::db::DbConnection;
use crate::db::models::{PageRequest, feedback, resource};
use openapi::ResourceId;
use openapi::feedback::{CatalogueFilter, CatalogueItem};
use openapi::{Page, PageQuery};

/// Published resources of every school, newest first, with their metrics; open to every
/// signed-in user.
pub fn list(
    conn: &mut DbConnection,
    _caller: &Caller,
    page: &PageQuery,
    filter: &CatalogueFilter,
) -> Outcome<Page<CatalogueItem>> {
    let page = PageRequest::parse(page)?;
    let (rows, total) = resource::list_catalogue(conn, filter, page)?;
    let ids: Vec<ResourceId> = rows.iter().map(|(resource, _)| resource.id).collect();
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
}
