//! Innovation projects of a school: `GET/POST /api/projects`, `GET/PUT /api/projects/{id}`,
//! `POST /api/projects/{id}/confirmations`.

pub mod confirm;
pub mod create;
pub mod get;
pub mod list;
pub mod update;

use crate::db::DbConnection;
use crate::error::ApiError;
use crate::services::access::{self, Access};

/// The row of a project the user may read; `404` for one they may not (not revealed).
///
/// A shim for the route modules not yet moved to the use-case layer (plan, package,
/// attachments): it delegates to `services::access::project(.., Access::Read)` and goes
/// once every caller moved.
pub fn readable(
    conn: &mut DbConnection,
    current: &crate::auth::CurrentUser,
    id: i64,
) -> Result<crate::db::models::project::ProjectRow, ApiError> {
    access::project(conn, &current.actor, openapi::ProjectId(id), Access::Read)
}
