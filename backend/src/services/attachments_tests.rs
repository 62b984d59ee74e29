use super::*;
use crate::error::ApiError;
use crate::services::package;
use crate::services::seeded::{self, COUNCIL, OUTSIDER, SUPERVISOR, TEACHER};
use openapi::package::{DocumentKind, ReviewDecision};
use openapi::{DocumentVersionId, RefusalReason};

const QUOTA: StorageQuota = StorageQuota {
    files: 2000,
    bytes: 1 << 31,
};

fn upload(key: &str) -> Upload<'_> {
    Upload {
        file_name: "appendix.pdf",
        content_type: "application/pdf",
        size: 9,
        sha256: "00",
        storage_key: key,
    }
}

fn not_under_review<T: std::fmt::Debug>(outcome: Outcome<T>) -> bool {
    matches!(
        outcome,
        Err(ApiError::Refused {
            reason: RefusalReason::NotUnderReview,
            ..
        })
    )
}

#[test]
fn a_decided_version_takes_no_files_and_keeps_the_ones_it_has() {
    let mut conn = seeded::demo();
    let conn = &mut conn;
    let teacher = seeded::caller(conn, TEACHER);
    let council = seeded::caller(conn, COUNCIL);
    let lab = seeded::laboratory(conn);
    let map = package::history(conn, &teacher, lab, DocumentKind::InnovationMap).expect("the map")[0].id;
    let owner = Owner::DocumentVersion(DocumentVersionId(map));

    let file = attach(conn, &teacher, owner, upload("attachments/document_version/a"), QUOTA).expect("attached");
    assert_eq!((file.file_name.as_str(), file.size), ("appendix.pdf", 9));
    let approve = ReviewDecision::Approve { comment: None };
    let expected = seeded::read_version(conn, "document_versions", map);
    let decided = package::review(conn, &council, DocumentVersionId(map), expected, &approve).expect("approved");
    assert_eq!(decided.attachments.iter().map(|a| a.id).collect::<Vec<_>>(), [file.id]);

    assert!(not_under_review(may_attach(conn, &teacher, owner)));
    assert!(not_under_review(attach(
        conn,
        &teacher,
        owner,
        upload("attachments/document_version/b"),
        QUOTA
    )));
    assert!(not_under_review(remove(conn, &teacher, AttachmentId(file.id))));
    let kept = file_of(conn, &teacher, file.id);
    assert_eq!(kept.storage_key, "attachments/document_version/a");
}

#[test]
fn an_outsider_neither_sees_nor_attaches_and_the_supervisor_only_reads() {
    let mut conn = seeded::demo();
    let conn = &mut conn;
    let teacher = seeded::caller(conn, TEACHER);
    let supervisor = seeded::caller(conn, SUPERVISOR);
    let outsider = seeded::caller(conn, OUTSIDER);
    let lab = seeded::laboratory(conn);
    let map = package::history(conn, &teacher, lab, DocumentKind::InnovationMap).expect("the map")[0].id;
    let owner = Owner::DocumentVersion(DocumentVersionId(map));
    let created = attach(conn, &teacher, owner, upload("attachments/document_version/a"), QUOTA).expect("attached");
    let id = AttachmentId(created.id);

    assert!(matches!(may_attach(conn, &outsider, owner), Err(ApiError::NotFound)));
    assert!(matches!(
        attach(conn, &supervisor, owner, upload("x"), QUOTA),
        Err(ApiError::Forbidden)
    ));
    assert!(matches!(file(conn, &outsider, id), Err(ApiError::NotFound)));
    assert!(matches!(remove(conn, &outsider, id), Err(ApiError::NotFound)));
    assert!(matches!(remove(conn, &supervisor, id), Err(ApiError::Forbidden)));
    assert_eq!(file_of(conn, &supervisor, created.id).file_name, "appendix.pdf");
    assert_eq!(
        remove(conn, &teacher, id).expect("removed"),
        "attachments/document_version/a"
    );
    assert!(matches!(file(conn, &teacher, id), Err(ApiError::NotFound)));
}

fn file_of(conn: &mut DbConnection, caller: &Caller, id: i64) -> AttachmentRow {
    file(conn, caller, AttachmentId(id)).expect("the file")
}

#[test]
fn a_file_past_the_schools_quota_is_refused_with_the_figures_and_not_recorded() {
    let mut conn = seeded::demo();
    let conn = &mut conn;
    let teacher = seeded::caller(conn, TEACHER);
    let lab = seeded::laboratory(conn);
    let map = package::history(conn, &teacher, lab, DocumentKind::InnovationMap).expect("the map")[0].id;
    let owner = Owner::DocumentVersion(DocumentVersionId(map));
    let org = teacher.actor.org_id;
    let before = storage_use::of(conn, org).expect("counted");
    let tight = StorageQuota {
        files: before.files + 1,
        bytes: before.bytes + 9,
    };
    attach(conn, &teacher, owner, upload("attachments/document_version/a"), tight).expect("fits exactly");
    let refused = attach(conn, &teacher, owner, upload("attachments/document_version/b"), tight).unwrap_err();
    let ApiError::QuotaExceeded(refusal) = refused else {
        panic!("{refused:?}");
    };
    assert_eq!(
        (refusal.used.files, refusal.used.bytes),
        (before.files + 1, before.bytes + 9)
    );
    assert_eq!(refusal.quota, tight);
    assert_eq!(storage_use::of(conn, org).expect("counted").files, before.files + 1);
}
