//! `POST /api/ranking-rounds/{id}/problems`, `PUT/DELETE /api/problems/{id}`,
//! `PUT /api/problems/{id}/scores/me`.

mod create;
mod delete;
mod score;
mod update;

pub use create::*;
pub use delete::*;
pub use score::*;
pub use update::*;
