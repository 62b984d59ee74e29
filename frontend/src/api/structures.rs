//! `/api/projects/{id}/structures` and `/api/structures/{id}`: the managing structures of
//! a project, their members and the director's approvals.

use super::ApiError;
use super::client::Call;
use openapi::ProjectId;
use openapi::structures::{Structure, StructureInput};

/// `GET /api/projects/{id}/structures`: the project's structures.
pub async fn list_structures(project: ProjectId) -> Result<Vec<Structure>, ApiError> {
    Call::get(format!("/api/projects/{project}/structures")).send().await
}

/// `POST /api/projects/{id}/structures`: forms a structure.
pub async fn create_structure(project: ProjectId, input: &StructureInput) -> Result<Structure, ApiError> {
    Call::post(format!("/api/projects/{project}/structures"))
        .json(input)
        .send()
        .await
}

/// `PUT /api/structures/{id}`: a new name, kind or composition.
/// Made on the record's `version` as read (`If-Match`); a stale one is refused with `412`.
pub async fn update_structure(id: i64, version: i32, input: &StructureInput) -> Result<Structure, ApiError> {
    Call::put(format!("/api/structures/{id}"))
        .if_match(version)
        .json(input)
        .send()
        .await
}

/// `POST /api/structures/{id}/approval`: the director approves the composition.
/// Made on the record's `version` as read (`If-Match`); a stale one is refused with `412`.
pub async fn approve_structure(id: i64, version: i32) -> Result<Structure, ApiError> {
    Call::post(format!("/api/structures/{id}/approval"))
        .if_match(version)
        .send()
        .await
}

/// One structure of a project as it is now (there is no single-structure read).
pub async fn find_structure(project: ProjectId, id: i64) -> Result<Structure, ApiError> {
    list_structures(project)
        .await?
        .into_iter()
        .find(|structure| structure.id == id)
        .ok_or_else(ApiError::not_found)
}
