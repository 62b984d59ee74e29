use super::*;
use crate::db::models::resource;
use crate::error::ApiError;
use crate::services::enrolments;
use crate::services::seeded::{self, COUNCIL, FIRST_PAGE, PARTNER, TEACHER, audit_of, fields};
use chrono::TimeDelta;
use openapi::FieldErrorCode::{NotAllowed, OutOfRange};
use openapi::cohorts::{CohortSessionInput, CohortStatus, EnrolmentInput};
use openapi::resources::ResourceFilter;

/// The demo resource whose title contains `fragment`.
pub(crate) fn demo_resource(conn: &mut DbConnection, fragment: &str) -> openapi::resources::ResourceItem {
    let page = PageRequest { page: 1, per_page: 100 };
    let (all, _) = resource::list(conn, &ResourceFilter::default(), page).unwrap();
    all.into_iter().find(|r| r.title.contains(fragment)).unwrap()
}

/// A cohort that started `started` days ago, with two sessions.
pub(crate) fn cohort_input(capacity: i32, started: i64) -> CohortInput {
    let starts_on = today() - TimeDelta::days(started);
    CohortInput {
        title: "Поток для проверки".to_owned(),
        starts_on,
        ends_on: starts_on + TimeDelta::days(30),
        format: None,
        hours: None,
        capacity,
        attendance_threshold: None,
        place: "СОШ № 61, ауд. 204".to_owned(),
        online_link: "https://sch61.example/webinar".to_owned(),
        trainers: vec!["Смирнов А. И.".to_owned()],
        sessions: vec![
            CohortSessionInput {
                id: None,
                held_on: starts_on,
                topic: "Критерии оценивания".to_owned(),
                hours: 8,
            },
            CohortSessionInput {
                id: None,
                held_on: starts_on + TimeDelta::days(1),
                topic: "Обратная связь".to_owned(),
                hours: 10,
            },
        ],
    }
}

#[test]
fn a_teacher_runs_a_cohort_of_the_programme_that_other_schools_read_but_do_not_change() {
    let mut db = seeded::demo();
    let (teacher, partner) = (db.caller(TEACHER), db.caller(PARTNER));
    let course = demo_resource(&mut db, "Формирующее оценивание");
    let created = create(&mut db, &teacher, course.id, &cohort_input(20, 1)).unwrap();
    assert_eq!(
        (created.hours, created.status),
        (18, CohortStatus::Running),
        "the sessions' hours"
    );
    assert_eq!(
        created.format,
        openapi::resources::ProgrammeFormat::Blended,
        "the programme's"
    );
    assert_eq!(get(&mut db, &partner, created.id).unwrap(), created);
    let listed = list(&mut db, &partner, course.id, &FIRST_PAGE).unwrap();
    assert!(listed.items.contains(&created));
    let current = Expected::Version(created.version);
    assert!(matches!(
        update(&mut db, &partner, created.id, current, &cohort_input(20, 1)),
        Err(ApiError::Forbidden)
    ));

    let bank = demo_resource(&mut db, "Банк заданий");
    let refused = create(&mut db, &teacher, bank.id, &cohort_input(20, 1)).unwrap_err();
    assert_eq!(fields(refused), vec![("resource_id".to_owned(), NotAllowed)]);
    let trail: Vec<String> = audit_of(&mut db, "cohort", created.id.0)
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(trail, ["create"]);
}

#[test]
fn attendance_is_marked_for_placed_teachers_and_goes_with_a_removed_session() {
    let mut db = seeded::demo();
    let (teacher, council, partner) = (db.caller(TEACHER), db.caller(COUNCIL), db.caller(PARTNER));
    let course = demo_resource(&mut db, "Формирующее оценивание");
    let cohort = create(&mut db, &teacher, course.id, &cohort_input(1, 1)).unwrap();
    let placed = enrolments::enrol(&mut db, &partner, cohort.id, &EnrolmentInput::default()).unwrap();
    let waiting = enrolments::enrol(&mut db, &council, cohort.id, &EnrolmentInput::default()).unwrap();
    let first = cohort.sessions[0].id;
    let refused = mark_attendance(
        &mut db,
        &teacher,
        first,
        &SessionAttendanceInput {
            present: vec![placed.id, waiting.id],
        },
    )
    .unwrap_err();
    assert_eq!(fields(refused), vec![("present[1]".to_owned(), NotAllowed)]);
    assert!(matches!(
        mark_attendance(
            &mut db,
            &partner,
            first,
            &SessionAttendanceInput {
                present: vec![placed.id]
            }
        ),
        Err(ApiError::Forbidden)
    ));
    let marked = mark_attendance(
        &mut db,
        &teacher,
        first,
        &SessionAttendanceInput {
            present: vec![placed.id],
        },
    )
    .unwrap();
    assert_eq!(marked.present, [placed.id]);
    let read = enrolments::get(&mut db, &partner, placed.id).unwrap();
    assert_eq!((read.attended.clone(), read.attended_hours), (vec![first], 8));

    // The first session is left out of a change: it goes, with its marks.
    let mut input = cohort_input(1, 1);
    input.sessions.remove(0);
    input.sessions[0].id = Some(cohort.sessions[1].id);
    let changed = update(&mut db, &teacher, cohort.id, Expected::Version(cohort.version), &input).unwrap();
    assert_eq!((changed.sessions.len(), changed.hours), (1, 10));
    assert!(
        enrolments::get(&mut db, &partner, placed.id)
            .unwrap()
            .attended
            .is_empty()
    );
    let mut shrink = input.clone();
    shrink.capacity = 2;
    let grown = update(
        &mut db,
        &teacher,
        cohort.id,
        Expected::Version(changed.version),
        &shrink,
    )
    .unwrap();
    assert_eq!(
        (grown.enrolled, grown.waiting),
        (2, 0),
        "a larger capacity places the waiting"
    );
    shrink.capacity = 1;
    let refused = update(&mut db, &teacher, cohort.id, Expected::Version(grown.version), &shrink).unwrap_err();
    assert_eq!(fields(refused), vec![("capacity".to_owned(), OutOfRange)]);
}
