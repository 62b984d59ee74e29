//! `/api/organisations`: the schools and the education committee.

use super::ApiError;
use super::client::Call;
use openapi::organisations::{CreateOrganisation, Organisation, OrganisationFilter};
use openapi::{OrganisationId, Page, PageQuery};

/// `GET /api/organisations`: one page of organisations matching the filter.
pub async fn list_organisations(filter: &OrganisationFilter, page: PageQuery) -> Result<Page<Organisation>, ApiError> {
    Call::get("/api/organisations")
        .query("q", filter.q.as_ref())
        .query("kind", filter.kind.map(|kind| kind.as_str()))
        .query("page", page.page)
        .query("per_page", page.per_page)
        .send()
        .await
}

/// `POST /api/organisations`: registers an organisation (platform administrators only).
pub async fn create_organisation(organisation: &CreateOrganisation) -> Result<Organisation, ApiError> {
    Call::post("/api/organisations").json(organisation).send().await
}

/// `GET /api/organisations/{id}`: one organisation.
pub async fn get_organisation(id: OrganisationId) -> Result<Organisation, ApiError> {
    Call::get(format!("/api/organisations/{id}")).send().await
}
