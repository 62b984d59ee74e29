//! `/api/resources` and `/api/projects/{id}/resources`: the educational resources the
//! projects develop.

use super::ApiError;
use super::client::Call;
use openapi::resources::{Resource, ResourceFilter, ResourceInput, ResourceItem};
use openapi::{Page, PageQuery, ProjectId, ResourceId};

/// `GET /api/resources`: one page of the resources the user may read that match the filter.
pub async fn list_resources(filter: &ResourceFilter, page: PageQuery) -> Result<Page<ResourceItem>, ApiError> {
    Call::get("/api/resources")
        .query("q", filter.q.as_ref())
        .query("org_id", filter.org_id)
        .query("project_id", filter.project_id)
        .query("form", filter.form.map(|form| form.as_str()))
        .query("element", filter.element.map(|element| element.as_str()))
        .query("stage", filter.stage.map(|stage| stage.as_str()))
        .query("visibility", filter.visibility.map(|visibility| visibility.as_str()))
        .query("page", page.page)
        .query("per_page", page.per_page)
        .send()
        .await
}

/// `POST /api/projects/{id}/resources`: registers a resource of the project.
pub async fn create_resource(project: ProjectId, resource: &ResourceInput) -> Result<Resource, ApiError> {
    Call::post(format!("/api/projects/{project}/resources"))
        .json(resource)
        .send()
        .await
}

/// `GET /api/resources/{id}`: one resource.
pub async fn get_resource(id: ResourceId) -> Result<Resource, ApiError> {
    one_resource(id).send().await
}

/// Starts `GET /api/resources/{id}` ahead of the resource's page, while its code downloads (see
/// [`Call::prefetch`]).
pub fn prefetch_resource(id: ResourceId) {
    one_resource(id).prefetch();
}

/// `GET /api/resources/{id}`.
fn one_resource(id: ResourceId) -> Call {
    Call::get(format!("/api/resources/{id}"))
}

/// `PUT /api/resources/{id}`: replaces the resource's card (not its stage).
/// Made on the record's `version` as read (`If-Match`); a stale one is refused with `412`.
pub async fn update_resource(id: ResourceId, version: i32, resource: &ResourceInput) -> Result<Resource, ApiError> {
    Call::put(format!("/api/resources/{id}"))
        .if_match(version)
        .json(resource)
        .send()
        .await
}
