//! `/api/document-versions/{id}/attachments`, `/api/plan-items/{id}/attachments` and
//! `/api/attachments/{id}`: the files attached to a document's version or to a plan item.

use super::ApiError;
use super::client::Call;
use openapi::plan::Attachment;

/// What a file is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachTo {
    /// A version of a package's document (an appendix), while it is under review.
    DocumentVersion(i64),
    /// A plan item (evidence of its completion).
    PlanItem(i64),
    /// A pilot (its evidence), until it is concluded.
    Pilot(i64),
    /// An event (its materials), until it is cancelled.
    Event(i64),
}

impl AttachTo {
    /// The collection of the owner's attachments.
    fn path(self) -> String {
        match self {
            Self::DocumentVersion(id) => format!("/api/document-versions/{id}/attachments"),
            Self::PlanItem(id) => format!("/api/plan-items/{id}/attachments"),
            Self::Pilot(id) => format!("/api/pilots/{id}/attachments"),
            Self::Event(id) => format!("/api/events/{id}/attachments"),
        }
    }

    /// A short name for element ids: `version-3`, `plan-item-7`.
    pub fn key(self) -> String {
        match self {
            Self::DocumentVersion(id) => format!("version-{id}"),
            Self::PlanItem(id) => format!("plan-item-{id}"),
            Self::Pilot(id) => format!("pilot-{id}"),
            Self::Event(id) => format!("event-{id}"),
        }
    }
}

/// `POST /api/document-versions/{id}/attachments?file_name=…`,
/// `POST /api/plan-items/{id}/attachments?file_name=…` or
/// `POST /api/pilots/{id}/attachments?file_name=…`: attaches one file.
pub async fn upload(to: AttachTo, file_name: String, bytes: Vec<u8>) -> Result<Attachment, ApiError> {
    Call::post(to.path())
        .query("file_name", Some(file_name))
        .bytes(bytes)
        .send()
        .await
}

/// `GET /api/attachments/{id}`: the content of an attached file.
pub async fn download(id: i64) -> Result<Vec<u8>, ApiError> {
    Call::get(format!("/api/attachments/{id}")).download().await
}

/// `DELETE /api/attachments/{id}`: removes an attached file.
pub async fn delete(id: i64) -> Result<(), ApiError> {
    Call::delete(format!("/api/attachments/{id}")).send().await
}
