//! Pilots (апробация) of resource versions: `GET/POST /api/resources/{id}/pilots`,
//! `GET/PUT /api/pilots/{id}`, `POST /api/pilots/{id}/conclude`.

mod conclude;
mod create;
mod get;
mod list;
mod update;

pub use conclude::*;
pub use create::*;
pub use get::*;
pub use list::*;
pub use update::*;
