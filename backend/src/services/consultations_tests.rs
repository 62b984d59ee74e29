use super::*;
use crate::services::seeded::{self, COMMITTEE, FIRST_PAGE, PARTNER, SUPERVISOR, TEACHER, audit_of, fields, reason};
use openapi::FieldErrorCode::{NotAllowed, OutOfRange};
use openapi::RefusalReason;
use openapi::consultations::{ConsultationForm, ConsultationRole, ConsultationStatus};

fn asked(host: OrganisationId) -> ConsultationRequestInput {
    ConsultationRequestInput {
        host_org_id: host,
        recipient_org_id: None,
        resource_id: None,
        topic: "Формирующее оценивание на уроках математики".to_owned(),
        question: "Как выстроить критерии для 5–6 классов".to_owned(),
    }
}

fn held_today() -> HeldInput {
    HeldInput {
        held_on: today(),
        form: ConsultationForm::Online,
        place: "https://meet.example/61".to_owned(),
        consultants: "Кузнецова О. С.".to_owned(),
        participants: "Учителя математики".to_owned(),
        participant_count: 4,
        outcome: "Разобрали критерии и банк заданий".to_owned(),
        follow_ups: "Прислать шаблон рубрики до конца месяца".to_owned(),
    }
}

fn rating(csat: u8) -> FeedbackInput {
    FeedbackInput {
        csat,
        recommend: 9,
        ready: true,
        comment: String::new(),
    }
}

#[test]
fn a_partner_asks_the_host_schedules_and_records_it_held_and_the_partner_rates_it_once() {
    let mut db = seeded::demo();
    let (teacher, partner) = (db.caller(TEACHER), db.caller(PARTNER));
    let host = teacher.actor.org_id;
    let filed = request(&mut db, &partner, &asked(host)).unwrap();
    assert_eq!(filed.status, ConsultationStatus::Requested);
    assert_eq!(filed.recipient_org_id, partner.actor.org_id);
    let schedule_input = ScheduleInput {
        scheduled_on: today(),
        form: ConsultationForm::InPerson,
        place: "Каб. 21".to_owned(),
        consultants: String::new(),
    };
    let scheduled = schedule(&mut db, &teacher, filed.id, Expected::Version(1), &schedule_input).unwrap();
    assert_eq!(
        (scheduled.status, scheduled.version),
        (ConsultationStatus::Scheduled, 2)
    );
    let early = rate(&mut db, &partner, filed.id, &rating(5)).unwrap_err();
    assert_eq!(reason(early), RefusalReason::ConsultationNotHeld);
    let done = hold(&mut db, &teacher, filed.id, Expected::Version(2), &held_today()).unwrap();
    assert_eq!(
        (done.status, done.participant_count),
        (ConsultationStatus::Held, Some(4))
    );
    let rated = rate(&mut db, &partner, filed.id, &rating(4)).unwrap();
    assert_eq!((rated.ratings.responses, rated.ratings.csat_mean), (1, Some(4.0)));
    let twice = rate(&mut db, &partner, filed.id, &rating(5));
    assert!(matches!(twice, Err(ApiError::Conflict { .. })), "{twice:?}");
    let again = schedule(&mut db, &teacher, filed.id, Expected::Version(3), &schedule_input).unwrap_err();
    assert_eq!(reason(again), RefusalReason::ConsultationClosed);
    let actions: Vec<String> = audit_of(&mut db, "consultation", filed.id.0)
        .into_iter()
        .map(|entry| entry.0)
        .collect();
    assert_eq!(actions, ["create", "schedule", "hold"]);
    let counts = rows::counts(&mut db, host, today(), today()).unwrap();
    assert_eq!((counts.held, counts.recipients, counts.participants), (1, 1, 4));
}

#[test]
fn the_host_side_decides_the_recipient_side_rates_and_strangers_see_nothing() {
    let mut db = seeded::demo();
    let (teacher, partner, supervisor) = (db.caller(TEACHER), db.caller(PARTNER), db.caller(SUPERVISOR));
    let host = teacher.actor.org_id;
    let filed = request(&mut db, &partner, &asked(host)).unwrap();
    let why = ConsultationReasonInput {
        reason: "Нет свободных специалистов".to_owned(),
    };
    assert!(matches!(
        decline(&mut db, &partner, filed.id, Expected::Version(1), &why),
        Err(ApiError::Forbidden)
    ));
    assert!(matches!(
        decline(&mut db, &supervisor, filed.id, Expected::Version(1), &why),
        Err(ApiError::Forbidden)
    ));
    assert!(matches!(
        request(&mut db, &supervisor, &asked(partner.actor.org_id)),
        Err(ApiError::Forbidden)
    ));
    let declined = decline(&mut db, &teacher, filed.id, Expected::Version(1), &why).unwrap();
    assert_eq!(declined.reason.as_deref(), Some("Нет свободных специалистов"));
    let gymnasium = db.caller("partner@gym17.demo");
    assert!(matches!(get(&mut db, &gymnasium, filed.id), Err(ApiError::NotFound)));
    let theirs = list(&mut db, &gymnasium, &FIRST_PAGE, &ConsultationFilter::default()).unwrap();
    assert!(theirs.items.iter().all(|c| c.id != filed.id));
}

#[test]
fn invalid_requests_and_records_name_every_field_and_write_nothing() {
    let mut db = seeded::demo();
    let (teacher, partner, committee) = (db.caller(TEACHER), db.caller(PARTNER), db.caller(COMMITTEE));
    let mut own = asked(partner.actor.org_id);
    own.topic = "Тема".to_owned();
    own.recipient_org_id = Some(teacher.actor.org_id);
    let refused = fields(request(&mut db, &partner, &own).unwrap_err());
    assert_eq!(
        refused,
        [
            ("topic".to_owned(), openapi::FieldErrorCode::TooShort),
            ("recipient_org_id".to_owned(), NotAllowed)
        ]
    );
    let mut future = held_today();
    future.held_on = today().succ_opt().unwrap();
    let given = GivenConsultationInput {
        recipient_org_id: teacher.actor.org_id,
        resource_id: None,
        topic: "Наставничество молодых педагогов".to_owned(),
        held: future,
    };
    let refused = fields(record_given(&mut db, &teacher, &given).unwrap_err());
    assert_eq!(
        refused,
        [
            ("held.held_on".to_owned(), OutOfRange),
            ("recipient_org_id".to_owned(), NotAllowed)
        ]
    );
    let all = list(&mut db, &committee, &FIRST_PAGE, &ConsultationFilter::default()).unwrap();
    let demo_count = all.total;
    let for_school = ConsultationRequestInput {
        recipient_org_id: Some(partner.actor.org_id),
        ..asked(teacher.actor.org_id)
    };
    let filed = request(&mut db, &committee, &for_school).unwrap();
    assert_eq!(
        filed.recipient_org_id, partner.actor.org_id,
        "the committee asks for a school"
    );
    let all = list(&mut db, &committee, &FIRST_PAGE, &ConsultationFilter::default()).unwrap();
    assert_eq!(all.total, demo_count + 1);
    let incoming = ConsultationFilter {
        role: Some(ConsultationRole::Recipient),
        ..ConsultationFilter::default()
    };
    let partners = list(&mut db, &partner, &FIRST_PAGE, &incoming).unwrap();
    assert!(partners.items.iter().any(|c| c.id == filed.id));
}
