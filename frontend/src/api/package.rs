//! `/api/projects/{id}/package` and `/api/document-versions/{id}`: the four documents of
//! a project's package, their versions and the council's review threads.

use super::ApiError;
use super::client::Call;
use openapi::ProjectId;
use openapi::package::{CommentInput, DocumentKind, DocumentVersion, Package, ReviewDecision, VersionInput};

/// `GET /api/projects/{id}/package`: the documents with their latest versions.
pub async fn get_package(project: ProjectId) -> Result<Package, ApiError> {
    Call::get(format!("/api/projects/{project}/package")).send().await
}

/// `GET /api/projects/{id}/package/{kind}`: every version of a document, the latest first.
pub async fn list_versions(project: ProjectId, kind: DocumentKind) -> Result<Vec<DocumentVersion>, ApiError> {
    Call::get(format!("/api/projects/{project}/package/{}", kind.as_str()))
        .send()
        .await
}

/// `POST /api/projects/{id}/package/{kind}`: submits a new version for review.
pub async fn submit_version(
    project: ProjectId,
    kind: DocumentKind,
    input: &VersionInput,
) -> Result<DocumentVersion, ApiError> {
    Call::post(format!("/api/projects/{project}/package/{}", kind.as_str()))
        .json(input)
        .send()
        .await
}

/// `POST /api/document-versions/{id}/review`: the council approves or returns a version.
/// Made on the record's `version` as read (`If-Match`); a stale one is refused with `412`.
pub async fn review(id: i64, version: i32, decision: &ReviewDecision) -> Result<DocumentVersion, ApiError> {
    Call::post(format!("/api/document-versions/{id}/review"))
        .if_match(version)
        .json(decision)
        .send()
        .await
}

/// `POST /api/document-versions/{id}/comments`: adds a comment to the thread.
pub async fn comment(version: i64, input: &CommentInput) -> Result<DocumentVersion, ApiError> {
    Call::post(format!("/api/document-versions/{version}/comments"))
        .json(input)
        .send()
        .await
}
