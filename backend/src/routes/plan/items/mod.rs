//! `GET/POST /api/projects/{id}/plan-items`, `PUT/DELETE /api/plan-items/{id}`.

mod create;
mod delete;
mod list;
mod update;

pub use create::*;
pub use delete::*;
pub use list::*;
pub use update::*;
