//! Versions of a resource and their files.

pub mod create;
pub mod download;
pub mod list;
pub mod upload;

use crate::auth::CurrentUser;
use crate::db::DbConnection;
use crate::db::models::resource::{self, ResourceRow};
use crate::domain::policy;
use crate::error::ApiError;
use openapi::OrganisationId;

/// Loads a resource the actor may read; `edit` also requires the right to change it.
pub fn visible_resource(
    conn: &mut DbConnection,
    current: &CurrentUser,
    resource_id: i64,
    edit: bool,
) -> Result<ResourceRow, ApiError> {
    let row = resource::find(conn, resource_id)?;
    let org = OrganisationId(row.org_id);
    if !policy::can_read_resource(&current.actor, org, row.is_published()) {
        return Err(ApiError::NotFound);
    }
    if edit && !policy::can_edit_resources(&current.actor, org) {
        return Err(ApiError::Forbidden);
    }
    Ok(row)
}
