//! Events and their registrations: `GET/POST /api/events` (the calendar),
//! `GET/PUT /api/events/{id}`, `POST /api/events/{id}/publish|cancel`,
//! `GET/POST /api/events/{id}/registrations`, `DELETE /api/events/{id}/registrations/me`,
//! `PUT /api/events/{id}/attendance`, `POST /api/events/{id}/feedback-request` and
//! `POST /api/events/{id}/feedback`.

mod answer;
mod attendance;
mod cancel;
mod create;
mod get;
mod list;
mod publish;
mod register;
mod registrations;
mod request_feedback;
mod unregister;
mod update;

pub use answer::*;
pub use attendance::*;
pub use cancel::*;
pub use create::*;
pub use get::*;
pub use list::*;
pub use publish::*;
pub use register::*;
pub use registrations::*;
pub use request_feedback::*;
pub use unregister::*;
pub use update::*;
