//! A resource's lifecycle (`/api/resources/{id}/transitions`) and its versions with their
//! files (`/api/resources/{id}/versions`, `/api/versions/{id}/files`, `/api/files/{id}`).

use super::ApiError;
use super::client::Call;
use openapi::lifecycle::{Transition, TransitionInput};
use openapi::resources::{Resource, ResourceFile, ResourceVersion, VersionInput};
use openapi::{Page, ResourceId};

/// `GET /api/resources/{id}/transitions`: the resource's stage changes, oldest first.
pub async fn list_transitions(resource: ResourceId) -> Result<Page<Transition>, ApiError> {
    Call::get(format!("/api/resources/{resource}/transitions"))
        .query("per_page", Some(100))
        .send()
        .await
}

/// `POST /api/resources/{id}/transitions`: moves the resource to another stage.
pub async fn transition(resource: ResourceId, input: &TransitionInput) -> Result<Resource, ApiError> {
    Call::post(format!("/api/resources/{resource}/transitions"))
        .json(input)
        .send()
        .await
}

/// `GET /api/resources/{id}/versions`: the resource's versions with their files.
pub async fn list_versions(resource: ResourceId) -> Result<Page<ResourceVersion>, ApiError> {
    Call::get(format!("/api/resources/{resource}/versions"))
        .query("per_page", Some(100))
        .send()
        .await
}

/// `POST /api/resources/{id}/versions`: adds a numbered version.
pub async fn create_version(resource: ResourceId, input: &VersionInput) -> Result<ResourceVersion, ApiError> {
    Call::post(format!("/api/resources/{resource}/versions"))
        .json(input)
        .send()
        .await
}

/// `POST /api/versions/{id}/files?file_name=…`: uploads one file of a version.
pub async fn upload_file(version: i64, file_name: String, bytes: Vec<u8>) -> Result<ResourceFile, ApiError> {
    Call::post(format!("/api/versions/{version}/files"))
        .query("file_name", Some(file_name))
        .bytes(bytes)
        .send()
        .await
}

/// `GET /api/files/{id}`: the content of a file.
pub async fn download_file(file: i64) -> Result<Vec<u8>, ApiError> {
    Call::get(format!("/api/files/{file}")).download().await
}
