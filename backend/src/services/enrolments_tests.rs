use super::*;
use crate::services::Caller;
use crate::services::cohorts::tests::{cohort_input, demo_resource};
use crate::services::seeded::{self, COMMITTEE, COUNCIL, DIRECTOR, PARTNER, SUPERVISOR, TEACHER, audit_of, reason};
use openapi::RefusalReason;
use openapi::cohorts::{CertificateKind, EnrolmentStatus};

#[test]
fn a_full_cohort_keeps_a_waiting_list_and_a_withdrawal_gives_the_place_to_the_first_waiting() {
    let mut db = seeded::demo();
    let (teacher, partner, council, supervisor) = (
        db.caller(TEACHER),
        db.caller(PARTNER),
        db.caller(COUNCIL),
        db.caller(SUPERVISOR),
    );
    let course = demo_resource(&mut db, "Формирующее оценивание");
    let cohort = cohorts::create(&mut db, &teacher, course.id, &cohort_input(1, 1)).unwrap();
    let me = EnrolmentInput::default();
    let first = enrol(&mut db, &partner, cohort.id, &me).unwrap();
    assert_eq!((first.status, first.position), (EnrolmentStatus::Enrolled, None));
    let second = enrol(&mut db, &council, cohort.id, &me).unwrap();
    let third = enrol(&mut db, &supervisor, cohort.id, &me).unwrap();
    assert_eq!((second.status, second.position), (EnrolmentStatus::Waiting, Some(1)));
    assert_eq!(third.position, Some(2));
    assert_eq!(
        reason(enrol(&mut db, &partner, cohort.id, &me).unwrap_err()),
        RefusalReason::AlreadyEnrolled
    );

    let withdrawn = withdraw(&mut db, &partner, first.id).unwrap();
    assert_eq!(withdrawn.status, EnrolmentStatus::Withdrawn);
    let promoted = get(&mut db, &council, second.id).unwrap();
    assert_eq!((promoted.status, promoted.position), (EnrolmentStatus::Enrolled, None));
    assert_eq!(get(&mut db, &supervisor, third.id).unwrap().position, Some(1));
    assert_eq!(
        reason(withdraw(&mut db, &partner, first.id).unwrap_err()),
        RefusalReason::EnrolmentWithdrawn
    );
    // The partner sees only their own enrolment; the host every one.
    assert_eq!(
        list(&mut db, &partner, cohort.id, &seeded::FIRST_PAGE).unwrap().total,
        1
    );
    assert_eq!(
        list(&mut db, &teacher, cohort.id, &seeded::FIRST_PAGE).unwrap().total,
        3
    );
    let trail: Vec<String> = audit_of(&mut db, "enrolment", second.id.0)
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(trail, ["enrol", "update"]);
}

#[test]
fn a_director_enrols_their_own_teachers_only() {
    let mut db = seeded::demo();
    let (teacher, director, partner) = (db.caller(TEACHER), db.caller(DIRECTOR), db.caller(PARTNER));
    let course = demo_resource(&mut db, "Формирующее оценивание");
    let cohort = cohorts::create(&mut db, &teacher, course.id, &cohort_input(5, 1)).unwrap();
    let own = EnrolmentInput {
        user_id: Some(teacher.actor.user_id),
    };
    let enrolled = enrol(&mut db, &director, cohort.id, &own).unwrap();
    assert_eq!(
        (enrolled.user_id, enrolled.enrolled_by),
        (teacher.actor.user_id, director.actor.user_id)
    );
    let other = EnrolmentInput {
        user_id: Some(director.actor.user_id),
    };
    assert!(matches!(
        enrol(&mut db, &partner, cohort.id, &other),
        Err(ApiError::Forbidden)
    ));
    // The host's teacher enrols nobody else; the director of another school's teacher
    // gets the same answer as for an id that does not exist.
    let colleague = EnrolmentInput {
        user_id: Some(director.actor.user_id),
    };
    assert!(matches!(
        enrol(&mut db, &teacher, cohort.id, &colleague),
        Err(ApiError::Forbidden)
    ));
    for user_id in [partner.actor.user_id, openapi::UserId(999_999)] {
        let foreign = EnrolmentInput { user_id: Some(user_id) };
        assert!(matches!(
            enrol(&mut db, &director, cohort.id, &foreign),
            Err(ApiError::NotFound)
        ));
    }
    assert_eq!(
        list(&mut db, &teacher, cohort.id, &seeded::FIRST_PAGE).unwrap().total,
        1
    );
}

/// Marks `present` at every session of `cohort`, as its host's `marker`.
fn attend(db: &mut DbConnection, marker: &Caller, cohort: &openapi::cohorts::Cohort, present: &[EnrolmentId]) {
    for session in &cohort.sessions {
        let marks = openapi::cohorts::SessionAttendanceInput {
            present: present.to_vec(),
        };
        cohorts::mark_attendance(db, marker, session.id, &marks).unwrap();
    }
}

#[test]
fn nobody_marks_completes_or_revokes_their_own_enrolment() {
    let mut db = seeded::demo();
    let (teacher, council) = (db.caller(TEACHER), db.caller(COUNCIL));
    let course = demo_resource(&mut db, "Формирующее оценивание");
    let cohort = cohorts::create(&mut db, &teacher, course.id, &cohort_input(5, 2)).unwrap();
    let own = enrol(&mut db, &teacher, cohort.id, &EnrolmentInput::default()).unwrap();
    let session = cohort.sessions[0].id;
    let marks = openapi::cohorts::SessionAttendanceInput { present: vec![own.id] };
    assert_eq!(
        reason(cohorts::mark_attendance(&mut db, &teacher, session, &marks).unwrap_err()),
        RefusalReason::OwnRecord
    );
    assert_eq!(get(&mut db, &teacher, own.id).unwrap().attended_hours, 0);
    attend(&mut db, &council, &cohort, &[own.id]);
    // Leaving one's own mark as it is, the teacher marks the others.
    cohorts::mark_attendance(&mut db, &teacher, session, &marks).unwrap();
    let empty = openapi::cohorts::SessionAttendanceInput { present: Vec::new() };
    assert_eq!(
        reason(cohorts::mark_attendance(&mut db, &teacher, session, &empty).unwrap_err()),
        RefusalReason::OwnRecord
    );
    assert_eq!(
        reason(complete(&mut db, &teacher, own.id).unwrap_err()),
        RefusalReason::OwnRecord
    );
    assert_eq!(
        get(&mut db, &teacher, own.id).unwrap().status,
        EnrolmentStatus::Enrolled
    );
    let done = complete(&mut db, &council, own.id).unwrap();
    assert_eq!(done.hours, Some(18));
    let revocation = RevocationInput {
        reason: "Выдано по ошибке".to_owned(),
    };
    assert_eq!(
        reason(revoke(&mut db, &teacher, own.id, &revocation).unwrap_err()),
        RefusalReason::OwnRecord
    );
    let revoked = revoke(&mut db, &council, own.id, &revocation).unwrap();
    assert_eq!(revoked.revoked_reason.as_deref(), Some("Выдано по ошибке"));
    assert!(revoked.revoked_on.is_some());
    assert_eq!(
        reason(revoke(&mut db, &council, own.id, &revocation).unwrap_err()),
        RefusalReason::CertificateRevoked
    );
    let checked = check(&mut db, &revoked.number, None).unwrap();
    assert_eq!(checked.revoked_on, revoked.revoked_on);
    let trail: Vec<String> = audit_of(&mut db, "enrolment", own.id.0)
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(trail, ["enrol", "complete", "revoke"]);
}

#[test]
fn completion_needs_the_attended_hours_and_certifies_them() {
    let mut db = seeded::demo();
    let (teacher, partner) = (db.caller(TEACHER), db.caller(PARTNER));
    let course = demo_resource(&mut db, "Формирующее оценивание");
    // Two sessions, 8 and 10 hours: 75 % of 18 is 14 (rounded up).
    let cohort = cohorts::create(&mut db, &teacher, course.id, &cohort_input(5, 2)).unwrap();
    assert_eq!((cohort.attendance_threshold, cohort.required_hours), (75, 14));
    let placed = enrol(&mut db, &partner, cohort.id, &EnrolmentInput::default()).unwrap();
    let second = cohort.sessions[1].id;
    let marks = openapi::cohorts::SessionAttendanceInput {
        present: vec![placed.id],
    };
    cohorts::mark_attendance(&mut db, &teacher, second, &marks).unwrap();
    let refused = complete(&mut db, &teacher, placed.id).unwrap_err();
    assert!(
        refused.to_string().contains("10 hours attended; completion needs 14"),
        "{refused}"
    );
    assert_eq!(reason(refused), RefusalReason::AttendanceBelowThreshold);
    assert_eq!(
        get(&mut db, &partner, placed.id).unwrap().status,
        EnrolmentStatus::Enrolled
    );
    // A cohort that asks for half the hours completes on the longer session alone, and
    // the certificate states the 10 hours attended: a «сертификат».
    let mut half = cohort_input(5, 2);
    half.attendance_threshold = Some(50);
    let version = seeded::read_version(&mut db, "cohorts", cohort.id.0);
    let changed = cohorts::update(
        &mut db,
        &teacher,
        cohort.id,
        version,
        &openapi::cohorts::CohortInput {
            sessions: cohort
                .sessions
                .iter()
                .zip(&half.sessions)
                .map(|(kept, input)| openapi::cohorts::CohortSessionInput {
                    id: Some(kept.id),
                    ..input.clone()
                })
                .collect(),
            ..half
        },
    )
    .unwrap();
    assert_eq!(changed.required_hours, 9);
    let done = complete(&mut db, &teacher, placed.id).unwrap();
    assert_eq!(done.hours, Some(10));
    let issued = certificate(&mut db, &partner, placed.id).unwrap();
    assert_eq!((issued.hours, issued.kind), (10, CertificateKind::Sertifikat));
}

#[test]
fn completion_issues_numbers_in_series_that_anyone_checks_and_the_hours_add_up() {
    let mut db = seeded::demo();
    let (teacher, partner, council, committee) = (
        db.caller(TEACHER),
        db.caller(PARTNER),
        db.caller(COUNCIL),
        db.caller(COMMITTEE),
    );
    let course = demo_resource(&mut db, "Формирующее оценивание");
    let cohort = cohorts::create(&mut db, &teacher, course.id, &cohort_input(1, 2)).unwrap();
    let me = EnrolmentInput::default();
    let placed = enrol(&mut db, &partner, cohort.id, &me).unwrap();
    let waiting = enrol(&mut db, &council, cohort.id, &me).unwrap();
    assert_eq!(
        reason(complete(&mut db, &teacher, waiting.id).unwrap_err()),
        RefusalReason::EnrolmentWaiting
    );
    assert!(matches!(
        complete(&mut db, &partner, placed.id),
        Err(ApiError::Forbidden)
    ));
    let before = mine(&mut db, &partner, &seeded::FIRST_PAGE).unwrap();
    attend(&mut db, &teacher, &cohort, &[placed.id]);

    let done = complete(&mut db, &teacher, placed.id).unwrap();
    assert_eq!((done.status, done.hours), (EnrolmentStatus::Completed, Some(18)));
    let number = done.certificate_number.clone().unwrap();
    let issued = certificate(&mut db, &partner, placed.id).unwrap();
    assert_eq!(issued.kind, CertificateKind::Udostoverenie);
    assert_eq!(certificate(&mut db, &committee, placed.id).unwrap(), issued);
    assert_eq!(issued.full_name, "Орлова Наталья Павловна");
    assert_eq!(issued.code.len(), 20);
    let checked = check(&mut db, &number, None).unwrap();
    assert_eq!(
        (checked.hours, checked.full_name, checked.code_matches),
        (18, None, None)
    );
    assert_eq!(checked.masked_name, "О*** Н. П.");
    let printed = crate::domain::certificates::printed_code(&issued.code).to_lowercase();
    let checked = check(&mut db, &number, Some(&printed)).unwrap();
    assert_eq!(
        (checked.full_name, checked.code_matches),
        (Some(issued.full_name.clone()), Some(true))
    );
    let wrong = check(&mut db, &number, Some("00000000000000000000")).unwrap();
    assert_eq!((wrong.full_name, wrong.code_matches), (None, Some(false)));
    assert!(matches!(check(&mut db, "9-1999-0001", None), Err(ApiError::NotFound)));
    assert!(matches!(check(&mut db, "not a number", None), Err(ApiError::NotFound)));
    assert_eq!(
        reason(complete(&mut db, &teacher, placed.id).unwrap_err()),
        RefusalReason::EnrolmentCompleted
    );
    let (bytes, name) = certificate_docx(&mut db, &partner, placed.id).unwrap();
    assert!(bytes.starts_with(b"PK") && name.contains(&number));

    // The place stays taken; the next one completed takes the next number.
    let promoted = withdraw(&mut db, &council, waiting.id).unwrap();
    assert_eq!(promoted.status, EnrolmentStatus::Withdrawn);
    let again = enrol(&mut db, &council, cohort.id, &me).unwrap();
    assert_eq!(
        again.status,
        EnrolmentStatus::Waiting,
        "a completed teacher keeps the place"
    );

    let history = mine(&mut db, &partner, &seeded::FIRST_PAGE).unwrap();
    assert_eq!(
        (
            history.total_hours - before.total_hours,
            history.completed - before.completed
        ),
        (18, 1)
    );
    let (prefix, sequence) = number.rsplit_once('-').unwrap();
    let second = cohorts::create(&mut db, &teacher, course.id, &cohort_input(3, 2)).unwrap();
    let next = enrol(&mut db, &council, second.id, &me).unwrap();
    attend(&mut db, &teacher, &second, &[next.id]);
    let next = complete(&mut db, &teacher, next.id).unwrap();
    let expected = format!("{prefix}-{:04}", sequence.parse::<i32>().unwrap() + 1);
    assert_eq!(next.certificate_number.as_deref(), Some(expected.as_str()));

    let school = of_school(&mut db, &committee, partner.actor.org_id, &seeded::FIRST_PAGE).unwrap();
    let orlova = school
        .items
        .iter()
        .find(|t| t.user_id == partner.actor.user_id)
        .unwrap();
    assert_eq!(orlova.hours, history.total_hours);
    assert!(matches!(
        of_school(&mut db, &teacher, partner.actor.org_id, &seeded::FIRST_PAGE),
        Err(ApiError::Forbidden)
    ));
}
