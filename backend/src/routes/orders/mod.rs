//! Orders (приказы) on innovation activity: `GET/POST /api/projects/{id}/orders`,
//! `GET/PUT /api/orders/{id}`, `POST /api/orders/{id}/issue`, `GET /api/orders/{id}/docx`.

mod create;
mod download;
mod get;
mod issue;
mod list;
mod update;

pub use create::*;
pub use download::*;
pub use get::*;
pub use issue::*;
pub use list::*;
pub use update::*;
