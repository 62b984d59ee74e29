//! The document package of a project and the council's review (Regulation 4.3–4.4):
//! `GET /api/projects/{id}/package`, `GET/POST /api/projects/{id}/package/{kind}`,
//! `POST /api/document-versions/{id}/review`, `POST /api/document-versions/{id}/comments`.

mod comment;
mod create;
mod get;
mod list;
mod review;

pub use comment::*;
pub use create::*;
pub use get::*;
pub use list::*;
pub use review::*;
