use super::*;
use crate::services::plan as plan_service;
use crate::services::seeded::{self, COUNCIL, OUTSIDER, SUPERVISOR, TEACHER, day};
use openapi::plan::{IndicatorInput, IndicatorValueInput};

fn approve() -> ReviewDecision {
    ReviewDecision::Approve { comment: None }
}

fn snapshot_input() -> VersionInput {
    VersionInput {
        text: None,
        map: None,
        note: String::new(),
    }
}

/// The latest version of the innovation map (the one under review in the demo).
fn latest_map(conn: &mut DbConnection, caller: &Caller, project: ProjectId) -> DocumentVersion {
    history(conn, caller, project, DocumentKind::InnovationMap)
        .expect("the map's history")
        .remove(0)
}

#[test]
fn approving_the_last_document_approves_the_package() {
    let mut conn = seeded::demo();
    let conn = &mut conn;
    let teacher = seeded::caller(conn, TEACHER);
    let council = seeded::caller(conn, COUNCIL);
    let lab = seeded::laboratory(conn);

    let refused = submit(conn, &teacher, lab, DocumentKind::WorkPlan, &snapshot_input());
    assert!(
        matches!(
            &refused,
            Err(ApiError::Refused {
                reason: RefusalReason::NothingToSubmit,
                ..
            })
        ),
        "a work plan without items: {refused:?}"
    );
    plan_service::create_item(conn, &teacher, lab, &seeded::plan_item(day(2025, 10, 15))).expect("an item");
    let indicator = IndicatorInput {
        title: "Педагоги в сетевых группах".to_owned(),
        unit: "чел.".to_owned(),
        values: vec![IndicatorValueInput {
            school_year: 2025,
            target: 12.0,
            actual: None,
        }],
    };
    plan_service::create_indicator(conn, &teacher, lab, &indicator).expect("an indicator");
    let plan = submit(conn, &teacher, lab, DocumentKind::WorkPlan, &snapshot_input()).expect("the work plan");
    assert!(matches!(&plan.content, DocumentContent::WorkPlan { items } if items.len() == 1));
    let tracking = submit(conn, &teacher, lab, DocumentKind::ResultsTracking, &snapshot_input()).expect("tracking");
    let map = latest_map(conn, &teacher, lab);

    for version in [map.id, plan.id] {
        let expected = seeded::read_version(conn, "document_versions", version);
        review(conn, &council, DocumentVersionId(version), expected, &approve()).expect("approved");
    }
    assert!(
        !get(conn, &teacher, lab).expect("the package").approved,
        "one document still under review"
    );
    let last = review(
        conn,
        &council,
        DocumentVersionId(tracking.id),
        Expected::Version(tracking.version),
        &approve(),
    )
    .expect("approved");
    assert_eq!(
        (last.status, last.decided_by),
        (VersionStatus::Approved, Some(council.actor.user_id))
    );
    assert!(get(conn, &teacher, lab).expect("the package").approved);
    let statuses = package::latest_statuses(conn, lab).expect("the statuses");
    assert!(rules::package_approved(&statuses), "the bool the orders read agrees");
}

#[test]
fn a_decision_on_a_superseded_version_is_refused_as_not_under_review() {
    let mut conn = seeded::demo();
    let conn = &mut conn;
    let teacher = seeded::caller(conn, TEACHER);
    let council = seeded::caller(conn, COUNCIL);
    let lab = seeded::laboratory(conn);
    let second = latest_map(conn, &teacher, lab);
    assert_eq!(second.status, VersionStatus::UnderReview);
    let DocumentContent::InnovationMap { map } = second.content.clone() else {
        panic!("a map's content");
    };
    let input = VersionInput {
        text: None,
        map: Some(map),
        note: "Третья редакция".to_owned(),
    };
    let third = submit(conn, &teacher, lab, DocumentKind::InnovationMap, &input).expect("a new version");
    assert_eq!(
        (third.number, third.status),
        (second.number + 1, VersionStatus::UnderReview)
    );

    let expected = seeded::read_version(conn, "document_versions", second.id);
    let refused = review(conn, &council, DocumentVersionId(second.id), expected, &approve());
    assert!(
        matches!(
            &refused,
            Err(ApiError::Refused {
                reason: RefusalReason::NotUnderReview,
                ..
            })
        ),
        "{refused:?}"
    );
    let superseded = latest_map(conn, &teacher, lab);
    assert_eq!(superseded.id, third.id, "the new version stays the latest, undecided");
    assert_eq!(superseded.status, VersionStatus::UnderReview);
}

#[test]
fn only_the_schools_council_decides_and_a_return_needs_a_comment() {
    let mut conn = seeded::demo();
    let conn = &mut conn;
    let teacher = seeded::caller(conn, TEACHER);
    let council = seeded::caller(conn, COUNCIL);
    let outsider = seeded::caller(conn, OUTSIDER);
    let lab = seeded::laboratory(conn);
    let id = DocumentVersionId(latest_map(conn, &teacher, lab).id);

    let expected = seeded::read_version(conn, "document_versions", id.0);
    assert!(matches!(
        review(conn, &outsider, id, expected, &approve()),
        Err(ApiError::NotFound)
    ));
    assert!(matches!(
        review(conn, &teacher, id, expected, &approve()),
        Err(ApiError::Forbidden)
    ));
    let bare = ReviewDecision::Return { comment: String::new() };
    let Err(ApiError::Validation(errors)) = review(conn, &council, id, expected, &bare) else {
        panic!("a return without a comment must be refused");
    };
    assert_eq!(errors[0].field, "comment");
    let back = ReviewDecision::Return {
        comment: "Уточните сроки этапов".to_owned(),
    };
    let returned = review(conn, &council, id, expected, &back).expect("returned");
    assert_eq!(returned.status, VersionStatus::Returned);
    assert_eq!(
        returned.comments.last().map(|c| c.body.as_str()),
        Some("Уточните сроки этапов")
    );
}

#[test]
fn the_supervisor_comments_and_an_outsider_does_not_see_the_thread() {
    let mut conn = seeded::demo();
    let conn = &mut conn;
    let supervisor = seeded::caller(conn, SUPERVISOR);
    let outsider = seeded::caller(conn, OUTSIDER);
    let lab = seeded::laboratory(conn);
    let version = latest_map(conn, &supervisor, lab);
    let id = DocumentVersionId(version.id);
    let input = CommentInput {
        body: "Риски описаны полно".to_owned(),
    };

    assert!(matches!(comment(conn, &outsider, id, &input), Err(ApiError::NotFound)));
    assert!(matches!(
        history(conn, &outsider, lab, DocumentKind::InnovationMap),
        Err(ApiError::NotFound)
    ));
    let after = comment(conn, &supervisor, id, &input).expect("commented");
    assert_eq!(after.comments.len(), version.comments.len() + 1);
    assert_eq!(
        after.comments.last().map(|c| (c.author_id, c.body.as_str())),
        Some((Some(supervisor.actor.user_id), "Риски описаны полно"))
    );
    assert_eq!(after.status, VersionStatus::UnderReview, "a comment decides nothing");
}
