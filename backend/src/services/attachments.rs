//! Files attached to a package document's version (appendices), to a plan item (the
//! evidence of its completion), to a pilot (the evidence of its results) or to an event
//! (its materials). The bytes are received and stored by the HTTP layer; these
//! use cases decide who may attach, read and remove them and keep their records.

use super::access::{self, Access};
use super::{Caller, Outcome, write};
use crate::db::DbConnection;
use crate::db::models::attachment::{self, AttachmentRow, NewAttachment};
use crate::db::models::audit::Event;
use crate::db::models::{Locked, lock, storage_use};
use crate::domain::package as rules;
use crate::domain::policy::Actor;
use crate::domain::quota::StorageQuota;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::plan::Attachment;
use openapi::{AttachmentId, OrganisationId};

pub use crate::db::models::attachment::Owner;

/// A file received and stored, to be recorded.
#[derive(Debug, Clone, Copy)]
pub struct Upload<'a> {
    /// The accepted name.
    pub file_name: &'a str,
    /// The accepted media type.
    pub content_type: &'a str,
    /// Bytes.
    pub size: i64,
    /// Hex SHA-256.
    pub sha256: &'a str,
    /// Where the storage keeps it.
    pub storage_key: &'a str,
}

/// Where the files of an owner are stored: one folder per owner.
pub fn storage_prefix(owner: Owner) -> String {
    format!("attachments/{}/{}", owner.kind(), owner.id())
}

/// Whether the caller may attach a file to `owner` now (the school's administration,
/// council or staff; a version only while it is under review, a pilot only until it is
/// concluded), with the refusals of [`attach`]: asked before the body is received, so
/// that a refused caller sends nothing.
pub fn may_attach(conn: &mut DbConnection, caller: &Caller, owner: Owner) -> Outcome<()> {
    editable_owner(conn, &caller.actor, owner).map(|_| ())
}

/// Records a stored file of `owner`: the owner is checked inside the transaction that
/// writes the row, since a version may be decided while its file is being received, and
/// the school's files are counted under its row's lock against its `quota`
/// (`413 quota_exceeded`).
pub fn attach(
    conn: &mut DbConnection,
    caller: &Caller,
    owner: Owner,
    file: Upload<'_>,
    quota: StorageQuota,
) -> Outcome<Attachment> {
    write(conn, |conn| {
        let org = editable_owner(conn, &caller.actor, owner)?;
        fits(conn, org, file.size, quota)?;
        let row = attachment::insert(
            conn,
            &NewAttachment {
                org_id: org,
                owner,
                file_name: file.file_name,
                content_type: file.content_type,
                size: file.size,
                sha256: file.sha256,
                storage_key: file.storage_key,
                created_by: caller.actor.user_id,
            },
        )?;
        let created = row.into_dto();
        Event::new(AuditAction::Upload, AuditEntity::Attachment, created.id)
            .by(caller.actor.user_id)
            .of(org)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// Refuses a file of `size` bytes that `org`'s files leave no room for under `quota`: the
/// school's row is locked first, and what it stores counted after, so that uploads at
/// once are counted one after another (on SQLite the write transaction is serial).
pub fn fits(conn: &mut DbConnection, org: OrganisationId, size: i64, quota: StorageQuota) -> Outcome<()> {
    lock(conn, Locked::Organisation, org.0)?;
    Ok(quota.admits(storage_use::of(conn, org)?, size)?)
}

/// An attached file to download, for whoever may read the school's work.
pub fn file(conn: &mut DbConnection, caller: &Caller, id: AttachmentId) -> Outcome<AttachmentRow> {
    access::attachment(conn, &caller.actor, id)
}

/// Removes an attached file (the school's administration, council or staff); a decided
/// version's files stay (`not_under_review`). Returns the storage key, for the caller to
/// remove the bytes once the transaction is committed.
pub fn remove(conn: &mut DbConnection, caller: &Caller, id: AttachmentId) -> Outcome<String> {
    write(conn, |conn| {
        let row = access::attachment(conn, &caller.actor, id)?;
        let org = editable_owner(conn, &caller.actor, row.owner())?;
        attachment::delete(conn, id)?;
        let key = row.storage_key.clone();
        Event::new(AuditAction::Delete, AuditEntity::Attachment, id)
            .by(caller.actor.user_id)
            .of(org)
            .before(&row.into_dto())
            .record(conn)?;
        Ok(key)
    })
}

/// The school of an owner the actor may change: `404` when they may not read it, `403`
/// when they may not change it, `not_under_review` for a decided version,
/// `pilot_concluded` for a concluded pilot, `event_cancelled` for a cancelled event.
fn editable_owner(conn: &mut DbConnection, actor: &Actor, owner: Owner) -> Outcome<OrganisationId> {
    match owner {
        Owner::DocumentVersion(id) => {
            // A review decided while this transaction runs must wait for it, or be seen.
            lock(conn, Locked::DocumentVersion, id.0)?;
            let row = access::document_version(conn, actor, id, Access::Edit)?;
            if let Some(refusal) = rules::files_refusal(row.status()) {
                return Err(refusal.into());
            }
            Ok(row.org())
        }
        Owner::PlanItem(id) => Ok(access::plan_item(conn, actor, id, Access::Edit)?.org()),
        Owner::Pilot(id) => {
            // A conclusion made while this transaction runs must wait for it, or be seen.
            lock(conn, Locked::Pilot, id.0)?;
            let (row, _) = access::pilot(conn, actor, id, Access::Edit)?;
            crate::domain::pilots::editable(row.is_concluded())?;
            Ok(row.org())
        }
        Owner::Event(id) => {
            lock(conn, Locked::Event, id.0)?;
            let row = access::event(conn, actor, id, Access::Edit)?;
            crate::domain::events::changeable(row.status())?;
            Ok(row.org())
        }
    }
}

#[cfg(test)]
#[path = "attachments_tests.rs"]
mod tests;
