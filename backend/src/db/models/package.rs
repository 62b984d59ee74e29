//! The `document_versions` and `review_comments` tables.

use super::attachment::Owner;
use crate::db::DbConnection;
use crate::db::schema::{document_versions, review_comments};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use openapi::package::{DocumentContent, DocumentKind, DocumentVersion, ReviewComment, VersionStatus};
use openapi::{DocumentVersionId, OrganisationId, ProjectId, UserId};
use std::collections::HashMap;

/// A row of `document_versions`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = document_versions)]
pub struct VersionRow {
    /// Id.
    pub id: i64,
    /// Project.
    pub project_id: i64,
    /// School.
    pub org_id: i64,
    /// Document.
    pub kind: String,
    /// Number.
    pub number: i32,
    /// Content as JSON.
    pub content_json: String,
    /// Note.
    pub note: String,
    /// Status.
    pub status: String,
    /// Author.
    pub created_by: Option<i64>,
    /// Submission time.
    pub created_at: NaiveDateTime,
    /// Decider.
    pub decided_by: Option<i64>,
    /// Decision time.
    pub decided_at: Option<NaiveDateTime>,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
}

impl VersionRow {
    /// The status.
    pub fn status(&self) -> VersionStatus {
        VersionStatus::parse(&self.status).unwrap_or(VersionStatus::UnderReview)
    }

    /// The document.
    pub fn kind(&self) -> DocumentKind {
        DocumentKind::parse(&self.kind).unwrap_or(DocumentKind::Programme)
    }

    /// The school.
    pub fn org(&self) -> OrganisationId {
        OrganisationId(self.org_id)
    }
}

/// One version row.
pub fn find(conn: &mut DbConnection, id: DocumentVersionId) -> QueryResult<VersionRow> {
    document_versions::table
        .find(id.0)
        .select(VersionRow::as_select())
        .first(conn)
}

/// Submits a version: versions of the document still under review are superseded.
pub fn insert(
    conn: &mut DbConnection,
    project: ProjectId,
    org: OrganisationId,
    kind: DocumentKind,
    content: &DocumentContent,
    note: &str,
    actor: UserId,
) -> QueryResult<DocumentVersionId> {
    let (project, org, actor) = (project.0, org.0, actor.0);
    super::lock(conn, super::Locked::Project, project)?;
    let last: Option<i32> = document_versions::table
        .filter(document_versions::project_id.eq(project))
        .filter(document_versions::kind.eq(kind.as_str()))
        .select(diesel::dsl::max(document_versions::number))
        .first(conn)?;
    diesel::update(
        document_versions::table
            .filter(document_versions::project_id.eq(project))
            .filter(document_versions::kind.eq(kind.as_str()))
            .filter(document_versions::status.eq(VersionStatus::UnderReview.as_str())),
    )
    .set((
        document_versions::status.eq(VersionStatus::Superseded.as_str()),
        document_versions::version.eq(document_versions::version + 1),
    ))
    .execute(conn)?;
    let content =
        serde_json::to_string(content).map_err(|err| diesel::result::Error::SerializationError(Box::new(err)))?;
    diesel::insert_into(document_versions::table)
        .values((
            document_versions::project_id.eq(project),
            document_versions::org_id.eq(org),
            document_versions::kind.eq(kind.as_str()),
            document_versions::number.eq(last.unwrap_or(0) + 1),
            document_versions::content_json.eq(content),
            document_versions::note.eq(note),
            document_versions::status.eq(VersionStatus::UnderReview.as_str()),
            document_versions::created_by.eq(actor),
            document_versions::created_at.eq(super::now()),
        ))
        .returning(document_versions::id)
        .get_result(conn)
        .map(DocumentVersionId)
}

/// Records the council's decision on a version still under review; returns whether it applied.
pub fn decide(
    conn: &mut DbConnection,
    id: DocumentVersionId,
    status: VersionStatus,
    actor: UserId,
) -> QueryResult<bool> {
    diesel::update(
        document_versions::table
            .find(id.0)
            .filter(document_versions::status.eq(VersionStatus::UnderReview.as_str())),
    )
    .set((
        document_versions::status.eq(status.as_str()),
        document_versions::decided_by.eq(actor.0),
        document_versions::decided_at.eq(super::now()),
    ))
    .execute(conn)
    .map(|changed| changed == 1)
}

/// Adds a comment to a version's thread.
pub fn comment(conn: &mut DbConnection, version: DocumentVersionId, author: UserId, body: &str) -> QueryResult<i64> {
    diesel::insert_into(review_comments::table)
        .values((
            review_comments::version_id.eq(version.0),
            review_comments::author_id.eq(author.0),
            review_comments::body.eq(body),
            review_comments::created_at.eq(super::now()),
        ))
        .returning(review_comments::id)
        .get_result(conn)
}

/// Completes rows with names, threads and files, in four queries.
pub fn complete(conn: &mut DbConnection, rows: Vec<VersionRow>) -> QueryResult<Vec<DocumentVersion>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let comment_rows: Vec<(i64, i64, Option<i64>, String, NaiveDateTime)> = review_comments::table
        .filter(review_comments::version_id.eq_any(&ids))
        .order(review_comments::id)
        .select((
            review_comments::id,
            review_comments::version_id,
            review_comments::author_id,
            review_comments::body,
            review_comments::created_at,
        ))
        .load(conn)?;
    let people = rows
        .iter()
        .flat_map(|row| row.created_by.into_iter().chain(row.decided_by))
        .chain(comment_rows.iter().filter_map(|row| row.2));
    let names = super::user::full_names(conn, people.collect::<Vec<_>>())?;
    let owners: Vec<Owner> = ids
        .iter()
        .map(|id| Owner::DocumentVersion(DocumentVersionId(*id)))
        .collect();
    let mut files = super::attachment::of_many(conn, &owners)?;
    let mut threads: HashMap<i64, Vec<ReviewComment>> = HashMap::new();
    for (id, version, author, body, at) in comment_rows {
        threads.entry(version).or_default().push(ReviewComment {
            id,
            author_id: author.map(UserId),
            author_name: author.and_then(|a| names.get(&a).cloned()).unwrap_or_default(),
            body,
            created_at: at.and_utc(),
        });
    }
    rows.into_iter()
        .map(|row| {
            let content: DocumentContent = serde_json::from_str(&row.content_json)
                .map_err(|err| diesel::result::Error::DeserializationError(Box::new(err)))?;
            Ok(DocumentVersion {
                id: row.id,
                project_id: ProjectId(row.project_id),
                kind: row.kind(),
                number: row.number,
                content,
                note: row.note.clone(),
                status: row.status(),
                created_by: row.created_by.map(UserId),
                created_by_name: row.created_by.and_then(|by| names.get(&by).cloned()),
                created_at: row.created_at.and_utc(),
                decided_by: row.decided_by.map(UserId),
                decided_by_name: row.decided_by.and_then(|by| names.get(&by).cloned()),
                decided_at: row.decided_at.map(|at| at.and_utc()),
                comments: threads.remove(&row.id).unwrap_or_default(),
                attachments: files.remove(&row.id).unwrap_or_default(),
                version: row.version,
            })
        })
        .collect()
}

/// The API representation of one version row.
pub fn represent(conn: &mut DbConnection, row: VersionRow) -> QueryResult<DocumentVersion> {
    complete(conn, vec![row])?.pop().ok_or(diesel::result::Error::NotFound)
}

/// The API representation of one version.
pub fn load(conn: &mut DbConnection, id: DocumentVersionId) -> QueryResult<DocumentVersion> {
    let row = find(conn, id)?;
    represent(conn, row)
}

/// Every version of one document of a project, the latest first.
pub fn history(conn: &mut DbConnection, project: ProjectId, kind: DocumentKind) -> QueryResult<Vec<DocumentVersion>> {
    let rows = document_versions::table
        .filter(document_versions::project_id.eq(project.0))
        .filter(document_versions::kind.eq(kind.as_str()))
        .order(document_versions::number.desc())
        .select(VersionRow::as_select())
        .load(conn)?;
    complete(conn, rows)
}

/// The latest version of each document of a project.
pub fn latest(conn: &mut DbConnection, project: ProjectId) -> QueryResult<HashMap<DocumentKind, DocumentVersion>> {
    let rows: Vec<VersionRow> = document_versions::table
        .filter(document_versions::project_id.eq(project.0))
        .order((document_versions::kind, document_versions::number.desc()))
        .select(VersionRow::as_select())
        .load(conn)?;
    let mut seen = Vec::new();
    let newest: Vec<VersionRow> = rows
        .into_iter()
        .filter(|row| {
            let first = !seen.contains(&row.kind);
            if first {
                seen.push(row.kind.clone());
            }
            first
        })
        .collect();
    Ok(complete(conn, newest)?
        .into_iter()
        .map(|version| (version.kind, version))
        .collect())
}

/// The versions of a school waiting for the council, oldest first.
pub fn under_review(conn: &mut DbConnection, org: OrganisationId) -> QueryResult<Vec<VersionRow>> {
    let org = org.0;
    document_versions::table
        .filter(document_versions::org_id.eq(org))
        .filter(document_versions::status.eq(VersionStatus::UnderReview.as_str()))
        .order(document_versions::id)
        .limit(100)
        .select(VersionRow::as_select())
        .load(conn)
}

/// The status of the latest version of each document of a project, without the texts or
/// review threads: what deciding whether the package is approved needs.
pub fn latest_statuses(
    conn: &mut DbConnection,
    project: ProjectId,
) -> QueryResult<Vec<(DocumentKind, Option<VersionStatus>)>> {
    let project = project.0;
    let rows: Vec<(String, String)> = document_versions::table
        .filter(document_versions::project_id.eq(project))
        .order((document_versions::kind, document_versions::number.desc()))
        .select((document_versions::kind, document_versions::status))
        .load(conn)?;
    let mut latest: Vec<(DocumentKind, Option<VersionStatus>)> = Vec::new();
    for (kind, status) in rows {
        let Some(kind) = DocumentKind::parse(&kind) else {
            continue;
        };
        if latest.iter().all(|(seen, _)| *seen != kind) {
            latest.push((kind, VersionStatus::parse(&status)));
        }
    }
    Ok(latest)
}

versioned!(document_versions);
