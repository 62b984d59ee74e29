use super::*;
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

    let done = complete(&mut db, &teacher, placed.id).unwrap();
    assert_eq!((done.status, done.hours), (EnrolmentStatus::Completed, Some(18)));
    let number = done.certificate_number.clone().unwrap();
    let issued = certificate(&mut db, &partner, placed.id).unwrap();
    assert_eq!(issued.kind, CertificateKind::Udostoverenie);
    assert_eq!(certificate(&mut db, &committee, placed.id).unwrap(), issued);
    assert_eq!(issued.full_name, "Орлова Наталья Павловна");
    let checked = check(&mut db, &number).unwrap();
    assert_eq!((checked.hours, checked.full_name), (18, issued.full_name.clone()));
    assert!(matches!(check(&mut db, "9-1999-0001"), Err(ApiError::NotFound)));
    assert!(matches!(check(&mut db, "not a number"), Err(ApiError::NotFound)));
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
