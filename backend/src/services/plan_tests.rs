use super::*;
use crate::error::ApiError;
use crate::services::attachments::{self, Upload};
use crate::services::seeded::{self, OUTSIDER, SUPERVISOR, TEACHER, day};
use openapi::FieldErrorCode::{self, OutOfRange};
use openapi::plan::{IndicatorValueInput, PlanStatus};

/// The fields and codes of a refused input.
fn invalid<T: std::fmt::Debug>(outcome: Outcome<T>) -> Vec<(String, FieldErrorCode)> {
    match outcome {
        Err(ApiError::Validation(errors)) => errors.into_iter().map(|e| (e.field, e.code)).collect(),
        other => panic!("expected invalid fields, got {other:?}"),
    }
}

#[test]
fn a_plan_item_deadline_outside_its_school_year_is_refused_naming_the_field() {
    let mut conn = seeded::demo();
    let conn = &mut conn;
    let teacher = seeded::caller(conn, TEACHER);
    let lab = seeded::laboratory(conn);
    let late = seeded::plan_item(day(2026, 9, 1));

    assert_eq!(
        invalid(create_item(conn, &teacher, lab, &late)),
        [("deadline".to_owned(), OutOfRange)]
    );
    let page = items(
        conn,
        &teacher,
        lab,
        &PageQuery {
            page: None,
            per_page: None,
        },
        &PlanFilter::default(),
    )
    .expect("the plan");
    assert_eq!(page.total, 0, "nothing was planned");
    let on_time = create_item(conn, &teacher, lab, &seeded::plan_item(day(2026, 8, 31))).expect("planned");
    assert_eq!((on_time.school_year, on_time.status), (2025, PlanStatus::Planned));
}

#[test]
fn the_responsible_person_is_an_active_account_of_the_school_named_from_it() {
    let mut conn = seeded::demo();
    let conn = &mut conn;
    let teacher = seeded::caller(conn, TEACHER);
    let outsider = seeded::caller(conn, OUTSIDER);
    let lab = seeded::laboratory(conn);
    let mut input = seeded::plan_item(day(2025, 12, 1));
    input.responsible_name = None;

    input.responsible_id = Some(outsider.actor.user_id);
    assert_eq!(
        invalid(create_item(conn, &teacher, lab, &input)),
        [("responsible_id".to_owned(), FieldErrorCode::NotAllowed)]
    );
    input.responsible_id = Some(teacher.actor.user_id);
    let created = create_item(conn, &teacher, lab, &input).expect("planned");
    assert_eq!(created.responsible_name, teacher.me.full_name);
}

#[test]
fn the_supervisor_reads_the_plan_without_changing_it_and_an_outsider_sees_nothing() {
    let mut conn = seeded::demo();
    let conn = &mut conn;
    let teacher = seeded::caller(conn, TEACHER);
    let supervisor = seeded::caller(conn, SUPERVISOR);
    let outsider = seeded::caller(conn, OUTSIDER);
    let lab = seeded::laboratory(conn);
    let input = seeded::plan_item(day(2025, 11, 20));
    let item = create_item(conn, &teacher, lab, &input).expect("planned");
    let id = PlanItemId(item.id);

    let expected = Expected::Version(item.version);
    assert!(matches!(
        create_item(conn, &supervisor, lab, &input),
        Err(ApiError::Forbidden)
    ));
    assert!(matches!(
        update_item(conn, &supervisor, id, expected, &input),
        Err(ApiError::Forbidden)
    ));
    assert!(matches!(
        update_item(conn, &outsider, id, expected, &input),
        Err(ApiError::NotFound)
    ));
    assert!(matches!(delete_item(conn, &outsider, id), Err(ApiError::NotFound)));
    assert!(matches!(summary(conn, &outsider, lab, None), Err(ApiError::NotFound)));
    let figures = summary(conn, &supervisor, lab, Some(2025)).expect("the figures");
    assert_eq!(figures.items, 1);
}

#[test]
fn an_attached_file_is_evidence_and_deleting_the_item_hands_back_its_files() {
    let mut conn = seeded::demo();
    let conn = &mut conn;
    let teacher = seeded::caller(conn, TEACHER);
    let lab = seeded::laboratory(conn);
    let mut input = seeded::plan_item(day(2025, 10, 15));
    let item = create_item(conn, &teacher, lab, &input).expect("planned");
    let id = PlanItemId(item.id);
    input.status = Some(PlanStatus::Done);
    input.done_on = Some(day(2025, 10, 14));

    assert_eq!(
        invalid(update_item(conn, &teacher, id, Expected::Version(item.version), &input)),
        [("evidence".to_owned(), FieldErrorCode::Required)]
    );
    let upload = Upload {
        file_name: "protocol.pdf",
        content_type: "application/pdf",
        size: 9,
        sha256: "00",
        storage_key: "attachments/plan_item/test",
    };
    attachments::attach(conn, &teacher, Owner::PlanItem(id), upload, Default::default()).expect("attached");
    let done =
        update_item(conn, &teacher, id, Expected::Version(item.version), &input).expect("done with a file as evidence");
    assert_eq!((done.status, done.attachments.len()), (PlanStatus::Done, 1));

    let keys = delete_item(conn, &teacher, id).expect("deleted");
    assert_eq!(keys, ["attachments/plan_item/test"]);
    assert!(matches!(
        update_item(conn, &teacher, id, Expected::Version(done.version), &input),
        Err(ApiError::NotFound)
    ));
}

#[test]
fn an_indicator_takes_one_value_per_school_year_of_its_project() {
    let mut conn = seeded::demo();
    let conn = &mut conn;
    let teacher = seeded::caller(conn, TEACHER);
    let supervisor = seeded::caller(conn, SUPERVISOR);
    let lab = seeded::laboratory(conn);
    let value = |school_year, actual| IndicatorValueInput {
        school_year,
        target: 20.0,
        actual,
    };
    let mut input = IndicatorInput {
        title: "Педагоги в сетевых группах".to_owned(),
        unit: "чел.".to_owned(),
        values: vec![value(2025, None)],
    };
    let created = create_indicator(conn, &teacher, lab, &input).expect("added");
    let id = IndicatorId(created.id);

    input.values = vec![value(2025, Some(15.0)), value(2027, None)];
    assert_eq!(
        invalid(update_indicator(
            conn,
            &teacher,
            id,
            Expected::Version(created.version),
            &input
        )),
        [("values[1].school_year".to_owned(), OutOfRange)],
        "the laboratory runs 2025 to 2026"
    );
    assert!(matches!(
        update_indicator(conn, &supervisor, id, Expected::Version(created.version), &input),
        Err(ApiError::Forbidden)
    ));
    input.values.truncate(1);
    let updated = update_indicator(conn, &teacher, id, Expected::Version(created.version), &input).expect("rewritten");
    assert_eq!(updated.values[0].achieved_percent, Some(75.0));
    assert_eq!(indicators(conn, &supervisor, lab).expect("the indicators"), [updated]);
}
