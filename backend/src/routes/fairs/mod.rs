//! Fairs: `GET/POST /api/events/{id}/stands`, `PUT /api/stands/{id}/rating` and
//! `GET /api/events/{id}/results`.

mod create;
mod list;
mod rate;
mod results;

pub use create::*;
pub use list::*;
pub use rate::*;
pub use results::*;
