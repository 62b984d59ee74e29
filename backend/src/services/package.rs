//! The document package of a project and the council's review (Regulation 4.3–4.4):
//! the four documents, their versions submitted by the school and decided by its council,
//! the review threads.

use super::access::{self, Access};
use super::concurrency::{Expected, claim};
use super::{Caller, Outcome, write};
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::{package, plan};
use crate::domain::package::{self as rules, Submitted};
use crate::domain::policy;
use crate::error::ApiError;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::package::{
    CommentInput, DocumentContent, DocumentKind, DocumentVersion, Package, PackageDocument, ReviewDecision,
    VersionInput, VersionStatus,
};
use openapi::{DocumentVersionId, OrganisationId, ProjectId, RefusalReason};

/// The four documents of a project's package with their latest versions and review
/// threads, and whether the package is approved (every latest version approved).
pub fn get(conn: &mut DbConnection, caller: &Caller, project: ProjectId) -> Outcome<Package> {
    access::project(conn, &caller.actor, project, Access::Read)?;
    let mut latest = package::latest(conn, project)?;
    let documents: Vec<PackageDocument> = DocumentKind::ALL
        .iter()
        .map(|kind| PackageDocument {
            kind: *kind,
            latest: latest.remove(kind),
        })
        .collect();
    let states: Vec<_> = documents
        .iter()
        .map(|doc| (doc.kind, doc.latest.as_ref().map(|v| v.status)))
        .collect();
    Ok(Package {
        project_id: project,
        approved: rules::package_approved(&states),
        documents,
    })
}

/// Every version of one document of the package, the latest first, with their threads.
pub fn history(
    conn: &mut DbConnection,
    caller: &Caller,
    project: ProjectId,
    kind: DocumentKind,
) -> Outcome<Vec<DocumentVersion>> {
    access::project(conn, &caller.actor, project, Access::Read)?;
    Ok(package::history(conn, project, kind)?)
}

/// Submits a new version of a document for the council's review (the school's
/// administration, council or staff). The programme takes `text`, the innovation map
/// `map`; the work plan and the results tracking system record the project's current
/// plan items or indicators (refused with `nothing_to_submit` when there are none).
/// Versions still under review are superseded. The content is checked first.
pub fn submit(
    conn: &mut DbConnection,
    caller: &Caller,
    project: ProjectId,
    kind: DocumentKind,
    input: &VersionInput,
) -> Outcome<DocumentVersion> {
    let (submitted, note) = rules::parse_version(kind, input)?;
    write(conn, |conn| {
        let row = access::project_work(conn, &caller.actor, project, Access::Edit)?;
        let content = match submitted {
            Submitted::Programme(text) => DocumentContent::Programme { text },
            Submitted::InnovationMap(map) => DocumentContent::InnovationMap { map },
            Submitted::Snapshot => snapshot(conn, kind, project)?,
        };
        let org = OrganisationId(row.org_id);
        let id = package::insert(conn, project, org, kind, &content, &note, caller.actor.user_id)?;
        let created = package::load(conn, id)?;
        Event::new(AuditAction::Create, AuditEntity::DocumentVersion, id)
            .by(caller.actor.user_id)
            .of(org)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// A council member of the school approves a version under review or returns it with a
/// comment; the comment joins the version's thread. A decided or superseded version is
/// refused with `not_under_review`. The decision is checked first; it is made on the
/// `expected` version of the record.
pub fn review(
    conn: &mut DbConnection,
    caller: &Caller,
    id: DocumentVersionId,
    expected: Expected,
    decision: &ReviewDecision,
) -> Outcome<DocumentVersion> {
    let (status, comment) = rules::decide(decision)?;
    write(conn, |conn| {
        let row = access::document_version(conn, &caller.actor, id, Access::Read)?;
        let org = row.org();
        if !policy::can_review_package(&caller.actor, org) {
            return Err(ApiError::Forbidden);
        }
        claim(expected, row.version, |version| package::claim(conn, id.0, version))?;
        if let Some(refusal) = rules::review_refusal(row.status()) {
            return Err(refusal.into());
        }
        let before = package::represent(conn, row)?;
        let actor = caller.actor.user_id;
        if !package::decide(conn, id, status, actor)? {
            // Decided by someone else since it was read.
            let now = package::find(conn, id)?.status();
            return Err(rules::review_refusal(now).map_or(ApiError::NotFound, ApiError::from));
        }
        if let Some(comment) = comment {
            package::comment(conn, id, actor, &comment)?;
        }
        let after = package::load(conn, id)?;
        let action = if status == VersionStatus::Approved {
            AuditAction::Approve
        } else {
            AuditAction::Return
        };
        Event::new(action, AuditEntity::DocumentVersion, id)
            .by(actor)
            .of(org)
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// Adds a comment to a version's review thread (the school's administration, council,
/// staff or supervisor). The comment is checked first.
pub fn comment(
    conn: &mut DbConnection,
    caller: &Caller,
    id: DocumentVersionId,
    input: &CommentInput,
) -> Outcome<DocumentVersion> {
    let body = rules::parse_comment(&input.body)?;
    write(conn, |conn| {
        let row = access::document_version(conn, &caller.actor, id, Access::Read)?;
        let org = row.org();
        if !policy::can_comment_package(&caller.actor, org) {
            return Err(ApiError::Forbidden);
        }
        let before = package::represent(conn, row)?;
        package::comment(conn, id, caller.actor.user_id, &body)?;
        let after = package::load(conn, id)?;
        Event::new(AuditAction::Comment, AuditEntity::DocumentVersion, id)
            .by(caller.actor.user_id)
            .of(org)
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// The plan items or indicators of a project as they are now.
fn snapshot(conn: &mut DbConnection, kind: DocumentKind, project: ProjectId) -> Outcome<DocumentContent> {
    let nothing = |what: &str| ApiError::Refused {
        reason: RefusalReason::NothingToSubmit,
        detail: format!("The project has no {what} yet."),
    };
    if kind == DocumentKind::WorkPlan {
        let rows = plan::all(conn, project, None)?;
        let items = plan::complete(conn, rows, crate::clock::today())?;
        if items.is_empty() {
            return Err(nothing("plan items"));
        }
        Ok(DocumentContent::WorkPlan { items })
    } else {
        let indicators = plan::indicators_of(conn, project)?;
        if indicators.is_empty() {
            return Err(nothing("indicators"));
        }
        Ok(DocumentContent::ResultsTracking { indicators })
    }
}

#[cfg(test)]
#[path = "package_tests.rs"]
mod tests;
