//! `/api/audit`: the trail of who changed which record, and when.

use super::ApiError;
use super::client::Call;
use openapi::audit::{AuditEntry, AuditFilter};
use openapi::{Page, PageQuery};

/// `GET /api/audit`: one page of recorded changes, newest first.
pub async fn list_audit_entries(filter: &AuditFilter, page: PageQuery) -> Result<Page<AuditEntry>, ApiError> {
    Call::get("/api/audit")
        .query("org_id", filter.org_id)
        .query("entity", filter.entity.as_ref())
        .query("entity_id", filter.entity_id)
        .query("page", page.page)
        .query("per_page", page.per_page)
        .send()
        .await
}
