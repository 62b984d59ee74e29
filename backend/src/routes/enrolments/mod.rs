//! Enrolments in cohorts and their certificates: `GET/POST /api/cohorts/{id}/enrolments`,
//! `GET /api/enrolments/{id}`, `POST /api/enrolments/{id}/withdraw` and `/complete`,
//! `GET /api/enrolments/{id}/certificate` (and `.docx`), `POST …/certificate/revoke`, the public
//! `GET /api/public/certificates/{number}`, and the hours of a teacher
//! (`GET /api/me/training`) and of a school's teachers (`GET /api/organisations/{id}/training`).

mod certificate;
mod complete;
mod enrol;
mod get;
mod list;
mod revoke;
mod training;
mod verify;
mod withdraw;

pub use certificate::*;
pub use complete::*;
pub use enrol::*;
pub use get::*;
pub use list::*;
pub use revoke::*;
pub use training::*;
pub use verify::*;
pub use withdraw::*;
