//! `/api/registry`: the committee's registry of schools with their innovation figures.

use super::ApiError;
use super::client::Call;
use openapi::feedback::{RegistryFilter, RegistryItem};
use openapi::{Page, PageQuery};

/// `GET /api/registry`: one page of schools matching the search.
pub async fn list_registry(filter: &RegistryFilter, page: PageQuery) -> Result<Page<RegistryItem>, ApiError> {
    Call::get("/api/registry")
        .query("q", filter.q.as_ref())
        .query("level", filter.level.map(|level| level.as_str()))
        .query("platform_status", filter.platform_status.map(|status| status.as_str()))
        .query("active", filter.active)
        .query("school_year", filter.school_year)
        .query("page", page.page)
        .query("per_page", page.per_page)
        .send()
        .await
}

/// `GET /api/registry/export`: the same registry as a CSV file for Excel.
pub async fn export_registry(filter: &RegistryFilter) -> Result<Vec<u8>, ApiError> {
    Call::get("/api/registry/export")
        .query("q", filter.q.as_ref())
        .query("level", filter.level.map(|level| level.as_str()))
        .query("platform_status", filter.platform_status.map(|status| status.as_str()))
        .query("active", filter.active)
        .query("school_year", filter.school_year)
        .download()
        .await
}
