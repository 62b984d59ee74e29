//! Files attached to a package document's version (appendices), to a plan item (the
//! evidence of its completion) or to a pilot (the evidence of its results):
//! `POST /api/document-versions/{id}/attachments`, `POST /api/plan-items/{id}/attachments`,
//! `POST /api/pilots/{id}/attachments`, `GET/DELETE /api/attachments/{id}`.

mod delete;
mod download;
mod to_document_version;
mod to_event;
mod to_pilot;
mod to_plan_item;
mod upload;

pub use delete::*;
pub use download::*;
pub use to_document_version::*;
pub use to_event::*;
pub use to_pilot::*;
pub use to_plan_item::*;
