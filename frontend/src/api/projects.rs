//! `/api/projects`: the innovation projects (scientific-methodological assignments) of
//! the schools.

use super::ApiError;
use super::client::Call;
use openapi::projects::{ConfirmationInput, Project, ProjectFilter, ProjectInput};
use openapi::{Page, PageQuery, ProjectId};

/// `GET /api/projects`: one page of the projects the user may read that match the filter.
pub async fn list_projects(filter: &ProjectFilter, page: PageQuery) -> Result<Page<Project>, ApiError> {
    Call::get("/api/projects")
        .query("q", filter.q.as_ref())
        .query("org_id", filter.org_id)
        .query("status", filter.status.map(|status| status.as_str()))
        .query("level", filter.level.map(|level| level.as_str()))
        .query("school_year", filter.school_year)
        .query("page", page.page)
        .query("per_page", page.per_page)
        .send()
        .await
}

/// `POST /api/projects`: registers a project of the user's school.
pub async fn create_project(project: &ProjectInput) -> Result<Project, ApiError> {
    Call::post("/api/projects").json(project).send().await
}

/// `GET /api/projects/{id}`: one project.
pub async fn get_project(id: ProjectId) -> Result<Project, ApiError> {
    one_project(id).send().await
}

/// Starts `GET /api/projects/{id}` ahead of the project's page, while its code downloads (see
/// [`Call::prefetch`]).
pub fn prefetch_project(id: ProjectId) {
    one_project(id).prefetch();
}

/// `GET /api/projects/{id}`.
fn one_project(id: ProjectId) -> Call {
    Call::get(format!("/api/projects/{id}"))
}

/// `PUT /api/projects/{id}`: replaces the project's card.
/// Made on the record's `version` as read (`If-Match`); a stale one is refused with `412`.
pub async fn update_project(id: ProjectId, version: i32, project: &ProjectInput) -> Result<Project, ApiError> {
    Call::put(format!("/api/projects/{id}"))
        .if_match(version)
        .json(project)
        .send()
        .await
}

/// `POST /api/projects/{id}/confirmations`: records a platform's yearly confirmation.
pub async fn confirm_platform(id: ProjectId, input: &ConfirmationInput) -> Result<Project, ApiError> {
    Call::post(format!("/api/projects/{id}/confirmations"))
        .json(input)
        .send()
        .await
}
