//! Versions of a resource (design documents and products) and their files: started and
//! filled by the resource's school, read by whoever may read the resource.

use super::access::{self, Access};
use super::{Caller, Outcome, attachments, write};
use crate::db::DbConnection;
use crate::db::models::PageRequest;
use crate::db::models::audit::Event;
use crate::db::models::resource;
use crate::db::models::version::{self, FileRow, NewFile};
use crate::domain::error::DomainError;
use crate::domain::files::AcceptedFile;
use crate::domain::quota::StorageQuota;
use crate::domain::text;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::limits;
use openapi::resources::{ResourceFile, ResourceVersion, VersionInput};
use openapi::{FileId, OrganisationId, Page, PageQuery, ResourceId, VersionId};

/// A resource's versions, newest first, with their files.
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    resource: ResourceId,
    page: &PageQuery,
) -> Outcome<Page<ResourceVersion>> {
    let page = PageRequest::parse(page)?;
    access::resource(conn, &caller.actor, resource, Access::Read)?;
    let (items, total) = version::list(conn, resource, page)?;
    Ok(page.wrap(items, total))
}

/// Starts the next version of a resource (the school's administration, council and
/// teachers) with the current authorship; its files are uploaded next.
pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    resource: ResourceId,
    input: &VersionInput,
) -> Outcome<ResourceVersion> {
    let notes = text::optional("notes", &input.notes, limits::OPTIONAL_NOTE)
        .map_err(DomainError::from)?
        .unwrap_or_default();
    write(conn, |conn| {
        let row = access::resource(conn, &caller.actor, resource, Access::Edit)?;
        let authors = resource::authors(conn, resource)?;
        let user = caller.actor.user_id;
        let id = VersionId(version::insert(
            conn,
            ResourceId(row.id),
            input.kind,
            &notes,
            &authors,
            user,
        )?);
        let created = version::load(conn, id)?;
        Event::new(AuditAction::Create, AuditEntity::ResourceVersion, id)
            .by(user)
            .of(OrganisationId(row.org_id))
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// A version the caller may add files to, as [`upload_target`] found it: what recording
/// a file needs, so that nothing is read again once the file is received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadTarget {
    version: VersionId,
    resource: ResourceId,
    org: OrganisationId,
}

impl UploadTarget {
    /// Where the storage keeps the files of the version: under its resource's id.
    pub fn storage_prefix(&self) -> String {
        self.resource.to_string()
    }
}

/// Checks, before a file's body is received, that the caller may add files to the
/// version: whoever may change its resource.
pub fn upload_target(conn: &mut DbConnection, caller: &Caller, version: VersionId) -> Outcome<UploadTarget> {
    let row = version::find(conn, version)?;
    let resource = access::resource(conn, &caller.actor, ResourceId(row.resource_id), Access::Edit)?;
    Ok(UploadTarget {
        version,
        resource: ResourceId(resource.id),
        org: OrganisationId(resource.org_id),
    })
}

/// A file received and put in the storage, not yet recorded.
#[derive(Debug, Clone, Copy)]
pub struct StoredFile<'a> {
    /// Its accepted name and media type.
    pub accepted: &'a AcceptedFile,
    /// Bytes.
    pub size: i64,
    /// Hex SHA-256.
    pub sha256: &'a str,
    /// Where the storage keeps it.
    pub key: &'a str,
}

/// Records a stored file of the version [`upload_target`] allowed, when the school's
/// `quota` has room for it (`413 quota_exceeded`, counted under the school's lock).
pub fn record_file(
    conn: &mut DbConnection,
    caller: &Caller,
    target: &UploadTarget,
    file: StoredFile<'_>,
    quota: StorageQuota,
) -> Outcome<ResourceFile> {
    write(conn, |conn| {
        attachments::fits(conn, target.org, file.size, quota)?;
        let user = caller.actor.user_id;
        let new = NewFile {
            version_id: target.version.0,
            resource_id: target.resource.0,
            file_name: &file.accepted.file_name,
            content_type: file.accepted.content_type,
            size: file.size,
            sha256: file.sha256,
            storage_key: file.key,
            created_by: user.0,
        };
        let id = FileId(version::insert_file(conn, &new)?);
        let recorded = version::find_file(conn, id)?.into_dto();
        Event::new(AuditAction::Upload, AuditEntity::ResourceFile, id)
            .by(user)
            .of(target.org)
            .after(&recorded)
            .record(conn)?;
        Ok(recorded)
    })
}

/// A file of a resource version, for whoever may read the resource: where the storage
/// keeps it, under which name and type.
pub fn file(conn: &mut DbConnection, caller: &Caller, id: FileId) -> Outcome<FileRow> {
    let file = version::find_file(conn, id)?;
    access::resource(conn, &caller.actor, ResourceId(file.resource_id), Access::Read)?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ApiError;
    use crate::services::resource_fixtures::{School, first_page};
    use openapi::resources::VersionKind;
    use openapi::users::Role;

    fn design() -> VersionInput {
        VersionInput {
            kind: VersionKind::Design,
            notes: "Первая редакция".into(),
        }
    }

    #[test]
    fn a_recorded_upload_belongs_to_the_version_and_is_audited_for_the_school() {
        let mut s = School::new();
        let staff = s.staff.clone();
        let version = create(&mut s.conn, &staff, s.resource, &design()).expect("version");
        assert_eq!(version.number, 1);
        assert_eq!(version.authors[0].name, "Кузнецова Ольга Сергеевна");
        let target = upload_target(&mut s.conn, &staff, VersionId(version.id)).expect("editable");
        assert_eq!(target.storage_prefix(), s.resource.to_string());
        let accepted = AcceptedFile {
            file_name: "Сценарий.txt".into(),
            content_type: "text/plain; charset=utf-8",
        };
        let stored = StoredFile {
            accepted: &accepted,
            size: 5,
            sha256: "00",
            key: "1/abc",
        };
        let recorded = record_file(&mut s.conn, &staff, &target, stored, StorageQuota::default()).expect("recorded");
        let listed = list(&mut s.conn, &staff, s.resource, &first_page()).expect("listed");
        assert_eq!(listed.items[0].files, vec![recorded.clone()]);
        assert_eq!(s.audit("resource_file", recorded.id), vec!["upload".to_owned()]);
        let row = file(&mut s.conn, &staff, FileId(recorded.id)).expect("readable");
        assert_eq!(row.storage_key, "1/abc");
    }

    #[test]
    fn a_supervisor_reads_versions_but_cannot_start_or_fill_one_and_a_stranger_sees_none() {
        let mut s = School::new();
        let staff = s.staff.clone();
        let version = create(&mut s.conn, &staff, s.resource, &design()).expect("version");
        let supervisor = s.user(s.org, &[Role::Supervisor]);
        assert!(list(&mut s.conn, &supervisor, s.resource, &first_page()).is_ok());
        let started = create(&mut s.conn, &supervisor, s.resource, &design());
        assert!(matches!(started, Err(ApiError::Forbidden)), "{started:?}");
        let filled = upload_target(&mut s.conn, &supervisor, VersionId(version.id));
        assert!(matches!(filled, Err(ApiError::Forbidden)), "{filled:?}");
        let other = s.school("СОШ № 12");
        let stranger = s.user(other, &[Role::Admin]);
        let found = upload_target(&mut s.conn, &stranger, VersionId(version.id));
        assert!(matches!(found, Err(ApiError::NotFound)), "{found:?}");
    }
}
