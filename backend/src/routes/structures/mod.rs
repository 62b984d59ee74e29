//! Managing structures of a project and the director's approval of their composition
//! (Regulation 4.2): `GET/POST /api/projects/{id}/structures`, `PUT /api/structures/{id}`,
//! `POST /api/structures/{id}/approval`.

mod approve;
mod create;
mod list;
mod update;

pub use approve::*;
pub use create::*;
pub use list::*;
pub use update::*;
