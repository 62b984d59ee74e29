//! Consultations (methodological support of one school by another):
//! `GET/POST /api/consultations`, `POST /api/consultations/given`,
//! `GET /api/consultations/{id}` and its steps `schedule`, `decline`, `cancel`, `hold`,
//! and the recipient's `feedback`.

mod cancel;
mod decline;
mod feedback;
mod get;
mod given;
mod hold;
mod list;
mod request;
mod schedule;

pub use cancel::*;
pub use decline::*;
pub use feedback::*;
pub use get::*;
pub use given::*;
pub use hold::*;
pub use list::*;
pub use request::*;
pub use schedule::*;
