//! User management by an organisation's administrator.

pub mod create;
pub mod get;
pub mod list;
pub mod reset_password;
pub mod update;

use crate::auth::CurrentUser;
use crate::db::DbConnection;
use crate::db::models::user::{self, UserRow};
use crate::domain::policy;
use crate::error::ApiError;

/// Loads an account the actor manages. An account the actor may not even read is
/// reported as absent, so that ids of other schools' staff reveal nothing.
pub fn managed_user(conn: &mut DbConnection, current: &CurrentUser, user_id: i64) -> Result<UserRow, ApiError> {
    let row = user::find(conn, user_id)?;
    let org = openapi::OrganisationId(row.org_id);
    if !policy::can_read_user(&current.actor, openapi::UserId(row.id), org) {
        return Err(ApiError::NotFound);
    }
    if !policy::can_manage_users_of(&current.actor, org) {
        return Err(ApiError::Forbidden);
    }
    Ok(row)
}
