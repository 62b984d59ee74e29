//! Innovation projects of a school: `GET/POST /api/projects`, `GET/PUT /api/projects/{id}`,
//! `POST /api/projects/{id}/confirmations`.

pub mod confirm;
pub mod create;
pub mod get;
pub mod list;
pub mod update;
