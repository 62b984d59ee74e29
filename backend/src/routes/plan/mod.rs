//! The work plan and the results tracking system of a project (Regulation 4.3, expertise
//! criterion (a)): `GET /api/projects/{id}/plan-summary`, `GET /api/me/reminders`, plan
//! items (`items`) and indicators (`indicators`).

pub mod indicators;
pub mod items;
mod reminders;
mod summary;

pub use reminders::*;
pub use summary::*;
