//! The risk registers of projects and pilots: `GET/POST /api/projects/{id}/risks`,
//! `GET/POST /api/pilots/{id}/risks`, `GET/PUT /api/risks/{id}`,
//! `GET /api/risks/{id}/history`.

mod create;
mod get;
mod history;
mod list;
mod update;

pub use create::*;
pub use get::*;
pub use history::*;
pub use list::*;
pub use update::*;
