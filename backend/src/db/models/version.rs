//! The `resource_versions` and `resource_files` tables.

use super::PageRequest;
use crate::db::DbConnection;
use crate::db::schema::{resource_files, resource_versions};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use openapi::resources::{Author, ResourceFile, ResourceVersion, VersionKind};
use openapi::{FileId, ResourceId, UserId, VersionId};
use std::collections::HashMap;

/// A row of `resource_versions`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = resource_versions)]
pub struct VersionRow {
    /// Id.
    pub id: i64,
    /// Resource.
    pub resource_id: i64,
    /// Number within the resource.
    pub number: i32,
    /// `design` or `product`.
    pub kind: String,
    /// Notes.
    pub notes: String,
    /// Authors snapshot.
    pub authors_json: String,
    /// Creator.
    pub created_by: Option<i64>,
    /// Creation.
    pub created_at: NaiveDateTime,
}

/// A row of `resource_files`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = resource_files)]
pub struct FileRow {
    /// Id.
    pub id: i64,
    /// Version.
    pub version_id: i64,
    /// Resource.
    pub resource_id: i64,
    /// Original name.
    pub file_name: String,
    /// Media type.
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// SHA-256, hex.
    pub sha256: String,
    /// Key in the storage.
    pub storage_key: String,
    /// Uploader.
    pub created_by: Option<i64>,
    /// Upload time.
    pub created_at: NaiveDateTime,
}

impl FileRow {
    /// The API representation.
    pub fn into_dto(self) -> ResourceFile {
        ResourceFile {
            id: self.id,
            file_name: self.file_name,
            content_type: self.content_type,
            size: self.size,
            sha256: self.sha256,
            created_at: self.created_at.and_utc(),
        }
    }
}

/// A new file, already in the storage.
#[derive(Debug, Clone)]
pub struct NewFile<'a> {
    /// Version.
    pub version_id: i64,
    /// Resource.
    pub resource_id: i64,
    /// Name.
    pub file_name: &'a str,
    /// Media type.
    pub content_type: &'a str,
    /// Bytes.
    pub size: i64,
    /// SHA-256, hex.
    pub sha256: &'a str,
    /// Key in the storage.
    pub storage_key: &'a str,
    /// Uploader.
    pub created_by: i64,
}

/// One version row.
pub fn find(conn: &mut DbConnection, id: VersionId) -> QueryResult<VersionRow> {
    resource_versions::table
        .find(id.0)
        .select(VersionRow::as_select())
        .first(conn)
}

/// Adds the next version of a resource, with the current authorship, and returns its id.
pub fn insert(
    conn: &mut DbConnection,
    resource_id: ResourceId,
    kind: VersionKind,
    notes: &str,
    authors: &[Author],
    created_by: UserId,
) -> QueryResult<i64> {
    let resource_id = resource_id.0;
    let created_by = created_by.0;
    super::lock(conn, super::Locked::Resource, resource_id)?;
    let last: Option<i32> = resource_versions::table
        .filter(resource_versions::resource_id.eq(resource_id))
        .select(diesel::dsl::max(resource_versions::number))
        .first(conn)?;
    let authors_json =
        serde_json::to_string(authors).map_err(|err| diesel::result::Error::SerializationError(Box::new(err)))?;
    diesel::insert_into(resource_versions::table)
        .values((
            resource_versions::resource_id.eq(resource_id),
            resource_versions::number.eq(last.unwrap_or(0) + 1),
            resource_versions::kind.eq(kind.as_str()),
            resource_versions::notes.eq(notes),
            resource_versions::authors_json.eq(authors_json),
            resource_versions::created_by.eq(created_by),
            resource_versions::created_at.eq(super::now()),
        ))
        .returning(resource_versions::id)
        .get_result(conn)
}

/// Records a stored file and returns its id.
pub fn insert_file(conn: &mut DbConnection, file: &NewFile<'_>) -> QueryResult<i64> {
    diesel::insert_into(resource_files::table)
        .values((
            resource_files::version_id.eq(file.version_id),
            resource_files::resource_id.eq(file.resource_id),
            resource_files::file_name.eq(file.file_name),
            resource_files::content_type.eq(file.content_type),
            resource_files::size.eq(file.size),
            resource_files::sha256.eq(file.sha256),
            resource_files::storage_key.eq(file.storage_key),
            resource_files::created_by.eq(file.created_by),
            resource_files::created_at.eq(super::now()),
        ))
        .returning(resource_files::id)
        .get_result(conn)
}

/// One file row.
pub fn find_file(conn: &mut DbConnection, id: FileId) -> QueryResult<FileRow> {
    resource_files::table
        .find(id.0)
        .select(FileRow::as_select())
        .first(conn)
}

fn complete(conn: &mut DbConnection, rows: Vec<VersionRow>) -> QueryResult<Vec<ResourceVersion>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let mut files: HashMap<i64, Vec<ResourceFile>> = HashMap::new();
    let file_rows: Vec<FileRow> = resource_files::table
        .filter(resource_files::version_id.eq_any(&ids))
        .order(resource_files::id)
        .select(FileRow::as_select())
        .load(conn)?;
    for row in file_rows {
        files.entry(row.version_id).or_default().push(row.into_dto());
    }
    Ok(rows
        .into_iter()
        .map(|row| ResourceVersion {
            id: row.id,
            resource_id: ResourceId(row.resource_id),
            number: row.number,
            kind: VersionKind::parse(&row.kind).unwrap_or(VersionKind::Design),
            notes: row.notes,
            authors: serde_json::from_str(&row.authors_json).unwrap_or_default(),
            created_by: row.created_by.map(UserId),
            created_at: row.created_at.and_utc(),
            files: files.remove(&row.id).unwrap_or_default(),
        })
        .collect())
}

/// The API representation of one version.
pub fn load(conn: &mut DbConnection, id: VersionId) -> QueryResult<ResourceVersion> {
    let row = find(conn, id)?;
    complete(conn, vec![row])?.pop().ok_or(diesel::result::Error::NotFound)
}

/// One page of a resource's versions, newest first.
pub fn list(
    conn: &mut DbConnection,
    resource_id: ResourceId,
    page: PageRequest,
) -> QueryResult<(Vec<ResourceVersion>, i64)> {
    let query = resource_versions::table.filter(resource_versions::resource_id.eq(resource_id.0));
    let total = query.count().get_result(conn)?;
    let rows = query
        .order(resource_versions::number.desc())
        .limit(page.limit())
        .offset(page.offset())
        .select(VersionRow::as_select())
        .load(conn)?;
    Ok((complete(conn, rows)?, total))
}

/// How many versions of a kind hold at least one file: the evidence of the design and
/// production steps.
pub fn count_with_files(conn: &mut DbConnection, resource_id: ResourceId, kind: VersionKind) -> QueryResult<i64> {
    let with_files = resource_files::table.select(resource_files::version_id);
    resource_versions::table
        .filter(resource_versions::resource_id.eq(resource_id.0))
        .filter(resource_versions::kind.eq(kind.as_str()))
        .filter(resource_versions::id.eq_any(with_files))
        .count()
        .get_result(conn)
}

/// Whether a version holds at least one file.
pub fn has_files(conn: &mut DbConnection, id: VersionId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        resource_files::table.filter(resource_files::version_id.eq(id.0)),
    ))
    .get_result(conn)
}
