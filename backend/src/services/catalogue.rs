//! The public catalogue (the «fair») of published resources with their metrics.

use super::{Caller, Outcome};
use crate::db::models::resource;
use crate::db::{DbConnection, read_model};
use crate::domain::pagination::Keyset;
use openapi::ResourceId;
use openapi::feedback::{CatalogueFilter, CatalogueItem};
use openapi::{CursorQuery, Page, PageQuery};

/// Published resources of every school, newest first, with their metrics from the read
/// model; by page number or by cursor; open to every signed-in user.
pub fn list(
    conn: &mut DbConnection,
    _caller: &Caller,
    page: &PageQuery,
    cursor: &CursorQuery,
    filter: &CatalogueFilter,
) -> Outcome<Page<CatalogueItem>> {
    let page = Keyset::parse(page, cursor)?;
    let (total, total_capped) = resource::catalogue_total(conn, filter)?;
    let (rows, next) = resource::catalogue_page(conn, filter, &page)?;
    let ids: Vec<ResourceId> = rows.iter().map(|(resource, _)| resource.id).collect();
    let mut metrics = read_model::resource_metrics(conn, &ids)?;
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
    Ok(Page {
        total_capped,
        ..page.page(items, total, next)
    })
}
