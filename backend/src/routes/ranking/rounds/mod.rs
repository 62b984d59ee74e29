//! `GET/POST /api/ranking-rounds`, `GET /api/ranking-rounds/{id}`,
//! `PUT /api/ranking-rounds/{id}/criteria`, `POST /api/ranking-rounds/{id}/freeze`.

mod create;
mod criteria;
mod freeze;
mod get;
mod list;

pub use create::*;
pub use criteria::*;
pub use freeze::*;
pub use get::*;
pub use list::*;
