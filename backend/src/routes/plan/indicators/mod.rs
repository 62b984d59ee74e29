//! `GET/POST /api/projects/{id}/indicators`, `PUT /api/indicators/{id}`.

mod create;
mod list;
mod update;

pub use create::*;
pub use list::*;
pub use update::*;
