//! The `attachments` table: files of a document version, a plan item, a pilot or an event.

use crate::db::DbConnection;
use crate::db::schema::attachments;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use openapi::plan::Attachment;
use openapi::{AttachmentId, DocumentVersionId, EventId, OrganisationId, PilotId, PlanItemId, UserId};
use std::collections::HashMap;

/// What a file is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// A version of a package document.
    DocumentVersion(DocumentVersionId),
    /// A plan item.
    PlanItem(PlanItemId),
    /// A pilot.
    Pilot(PilotId),
    /// An event (its materials).
    Event(EventId),
}

impl Owner {
    /// What the owner is, as `owner_kind` spells it.
    pub fn kind(self) -> &'static str {
        match self {
            Self::DocumentVersion(_) => "document_version",
            Self::PlanItem(_) => "plan_item",
            Self::Pilot(_) => "pilot",
            Self::Event(_) => "event",
        }
    }

    /// The owner's id.
    pub fn id(self) -> i64 {
        match self {
            Self::DocumentVersion(id) => id.0,
            Self::PlanItem(id) => id.0,
            Self::Pilot(id) => id.0,
            Self::Event(id) => id.0,
        }
    }
}

/// A row of `attachments`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = attachments)]
pub struct AttachmentRow {
    /// Id.
    pub id: i64,
    /// School.
    pub org_id: i64,
    /// `document_version`, `plan_item` or `pilot`.
    pub owner_kind: String,
    /// The version's, item's or pilot's id.
    pub owner_id: i64,
    /// Original name.
    pub file_name: String,
    /// Media type.
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// Hex SHA-256.
    pub sha256: String,
    /// Storage key.
    pub storage_key: String,
    /// Upload time.
    pub created_at: NaiveDateTime,
}

impl AttachmentRow {
    /// The owner.
    pub fn owner(&self) -> Owner {
        match self.owner_kind.as_str() {
            "plan_item" => Owner::PlanItem(PlanItemId(self.owner_id)),
            "pilot" => Owner::Pilot(PilotId(self.owner_id)),
            "event" => Owner::Event(EventId(self.owner_id)),
            _ => Owner::DocumentVersion(DocumentVersionId(self.owner_id)),
        }
    }

    /// The API representation.
    pub fn into_dto(self) -> Attachment {
        Attachment {
            id: self.id,
            file_name: self.file_name,
            content_type: self.content_type,
            size: self.size,
            sha256: self.sha256,
            created_at: self.created_at.and_utc(),
        }
    }
}

/// A stored file to record.
#[derive(Debug, Clone)]
pub struct NewAttachment<'a> {
    /// School.
    pub org_id: OrganisationId,
    /// Owner.
    pub owner: Owner,
    /// Name.
    pub file_name: &'a str,
    /// Media type.
    pub content_type: &'a str,
    /// Bytes.
    pub size: i64,
    /// Hex SHA-256.
    pub sha256: &'a str,
    /// Storage key.
    pub storage_key: &'a str,
    /// Uploader.
    pub created_by: UserId,
}

/// Records a stored file and returns its row.
pub fn insert(conn: &mut DbConnection, new: &NewAttachment<'_>) -> QueryResult<AttachmentRow> {
    diesel::insert_into(attachments::table)
        .values((
            attachments::org_id.eq(new.org_id.0),
            attachments::owner_kind.eq(new.owner.kind()),
            attachments::owner_id.eq(new.owner.id()),
            attachments::file_name.eq(new.file_name),
            attachments::content_type.eq(new.content_type),
            attachments::size.eq(new.size),
            attachments::sha256.eq(new.sha256),
            attachments::storage_key.eq(new.storage_key),
            attachments::created_by.eq(new.created_by.0),
            attachments::created_at.eq(super::now()),
        ))
        .returning((
            attachments::id,
            attachments::org_id,
            attachments::owner_kind,
            attachments::owner_id,
            attachments::file_name,
            attachments::content_type,
            attachments::size,
            attachments::sha256,
            attachments::storage_key,
            attachments::created_at,
        ))
        .get_result(conn)
}

/// One attachment row.
pub fn find(conn: &mut DbConnection, id: AttachmentId) -> QueryResult<AttachmentRow> {
    attachments::table
        .find(id.0)
        .select(AttachmentRow::as_select())
        .first(conn)
}

/// Removes an attachment's record (the caller removes the stored file).
pub fn delete(conn: &mut DbConnection, id: AttachmentId) -> QueryResult<()> {
    diesel::delete(attachments::table.find(id.0)).execute(conn).map(|_| ())
}

/// Removes an owner's attachments and returns their storage keys.
pub fn delete_of(conn: &mut DbConnection, owner: Owner) -> QueryResult<Vec<String>> {
    let owned = attachments::table
        .filter(attachments::owner_kind.eq(owner.kind()))
        .filter(attachments::owner_id.eq(owner.id()));
    let keys = owned.select(attachments::storage_key).load(conn)?;
    diesel::delete(owned).execute(conn)?;
    Ok(keys)
}

/// The attachments of many owners of one kind, by owner id, in upload order.
pub fn of_many(conn: &mut DbConnection, owners: &[Owner]) -> QueryResult<HashMap<i64, Vec<Attachment>>> {
    let Some(first) = owners.first() else {
        return Ok(HashMap::new());
    };
    let ids: Vec<i64> = owners.iter().map(|owner| owner.id()).collect();
    let rows: Vec<AttachmentRow> = attachments::table
        .filter(attachments::owner_kind.eq(first.kind()))
        .filter(attachments::owner_id.eq_any(&ids))
        .order(attachments::id)
        .select(AttachmentRow::as_select())
        .load(conn)?;
    let mut by_owner: HashMap<i64, Vec<Attachment>> = HashMap::new();
    for row in rows {
        by_owner.entry(row.owner_id).or_default().push(row.into_dto());
    }
    Ok(by_owner)
}

/// How many files an owner has.
pub fn count(conn: &mut DbConnection, owner: Owner) -> QueryResult<i64> {
    attachments::table
        .filter(attachments::owner_kind.eq(owner.kind()))
        .filter(attachments::owner_id.eq(owner.id()))
        .count()
        .get_result(conn)
}
