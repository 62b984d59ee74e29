//! `/api/catalogue`: the published resources with their satisfaction and demand figures.

use super::ApiError;
use super::client::Call;
use openapi::feedback::{CatalogueFilter, CatalogueItem};
use openapi::{Page, PageQuery};

/// `GET /api/catalogue`: one page of published resources matching the filter.
pub async fn list_catalogue(filter: &CatalogueFilter, page: PageQuery) -> Result<Page<CatalogueItem>, ApiError> {
    Call::get("/api/catalogue")
        .query("q", filter.q.as_ref())
        .query("form", filter.form.map(|form| form.as_str()))
        .query("element", filter.element.map(|element| element.as_str()))
        .query("org_id", filter.org_id)
        .query("level", filter.level.map(|level| level.as_str()))
        .query("page", page.page)
        .query("per_page", page.per_page)
        .send()
        .await
}
