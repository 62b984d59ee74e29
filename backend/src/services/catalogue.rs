//! The public catalogue (the «fair») of published resources with their figures.

use super::{Caller, Outcome};
use crate::db::DbConnection;
use crate::db::models::resource;
use crate::domain::pagination::Keyset;
use openapi::feedback::{CatalogueFilter, CatalogueItem};
use openapi::{CursorQuery, Page, PageQuery};

/// Published resources of every school, newest first, each with what the list shows
/// (its figures from the read model); by page number or by cursor; open to every
/// signed-in user.
pub fn list(
    conn: &mut DbConnection,
    _caller: &Caller,
    page: &PageQuery,
    cursor: &CursorQuery,
    filter: &CatalogueFilter,
) -> Outcome<Page<CatalogueItem>> {
    let page = Keyset::parse(page, cursor)?;
    let found = resource::catalogue_page(conn, filter, &page)?;
    Ok(Page {
        total_capped: found.capped,
        ..page.page(found.items, found.total, found.next)
    })
}
