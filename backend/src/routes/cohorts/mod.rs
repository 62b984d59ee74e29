//! Cohorts (потоки) of training programmes: `GET/POST /api/resources/{id}/cohorts`,
//! `GET/PUT /api/cohorts/{id}`, `PUT /api/cohort-sessions/{id}/attendance`.

mod attendance;
mod create;
mod get;
mod list;
mod update;

pub use attendance::*;
pub use create::*;
pub use get::*;
pub use list::*;
pub use update::*;
