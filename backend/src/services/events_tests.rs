use super::*;
use crate::services::concurrency::Expected;
use crate::services::seeded::{self, COMMITTEE, PARTNER, SUPERVISOR, TEACHER, audit_of, fields, reason};
use crate::services::{fairs, plan};
use chrono::{NaiveDate, TimeDelta};
use openapi::FieldErrorCode::{NotAllowed, OutOfRange};
use openapi::events::{EventKind, EventLevel, EventRole};
use openapi::fairs::{RatingInput, StandInput};
use openapi::{RefusalReason, RegistrationId};

fn seminar(starts_on: NaiveDate, capacity: i32) -> EventInput {
    EventInput {
        role: EventRole::Organiser,
        organiser_name: String::new(),
        kind: EventKind::Seminar,
        level: EventLevel::Municipal,
        title: "Семинар по формирующему оцениванию".to_owned(),
        description: String::new(),
        starts_on,
        ends_on: starts_on,
        time_text: "10:00".to_owned(),
        place: "Актовый зал".to_owned(),
        online_url: String::new(),
        speakers: vec!["Кузнецова О. С.".to_owned()],
        resource_ids: Vec::new(),
        open_to_city: true,
        capacity: Some(capacity),
    }
}

fn version(event: &Event) -> Expected {
    Expected::Version(event.version)
}

const FILTER: EventFilter = EventFilter {
    from: None,
    to: None,
    kind: None,
    level: None,
    org_id: None,
    status: None,
    q: None,
};

#[test]
fn a_draft_is_seen_by_its_school_only_until_published_and_then_by_everyone() {
    let mut db = seeded::demo();
    let (teacher, partner, committee) = (db.caller(TEACHER), db.caller(PARTNER), db.caller(COMMITTEE));
    let draft = create(&mut db, &teacher, &seminar(today() + TimeDelta::days(10), 2)).unwrap();
    assert_eq!(draft.status, EventStatus::Draft);
    assert!(matches!(get(&mut db, &partner, draft.id), Err(ApiError::NotFound)));
    assert!(get(&mut db, &committee, draft.id).is_ok());
    let listed = |db: &mut seeded::Seeded, caller: &Caller| {
        list(
            db,
            caller,
            &seeded::FIRST_PAGE,
            &EventFilter {
                q: Some("формирующему".into()),
                ..FILTER
            },
        )
        .unwrap()
        .items
        .iter()
        .any(|event| event.id == draft.id)
    };
    assert!(listed(&mut db, &teacher) && !listed(&mut db, &partner));
    assert!(matches!(
        publish(&mut db, &partner, draft.id, version(&draft)),
        Err(ApiError::NotFound)
    ));
    let published = publish(&mut db, &teacher, draft.id, version(&draft)).unwrap();
    assert!(listed(&mut db, &partner));
    assert_eq!(
        reason(publish(&mut db, &teacher, draft.id, version(&published)).unwrap_err()),
        RefusalReason::EventNotDraft
    );
    let actions: Vec<String> = audit_of(&mut db, "event", draft.id.0)
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(actions, ["create", "publish"]);
}

#[test]
fn registration_holds_the_places_and_a_full_event_refuses_the_next_teacher() {
    let mut db = seeded::demo();
    let (teacher, partner, supervisor) = (db.caller(TEACHER), db.caller(PARTNER), db.caller(SUPERVISOR));
    let draft = create(&mut db, &teacher, &seminar(today(), 1)).unwrap();
    assert_eq!(
        reason(register(&mut db, &teacher, draft.id).unwrap_err()),
        RefusalReason::RegistrationClosed
    );
    let event = publish(&mut db, &teacher, draft.id, version(&draft)).unwrap();
    let mine = register(&mut db, &partner, event.id).unwrap();
    assert_eq!(mine.code.len(), 8);
    assert_eq!(
        reason(register(&mut db, &partner, event.id).unwrap_err()),
        RefusalReason::AlreadyRegistered
    );
    assert_eq!(
        reason(register(&mut db, &supervisor, event.id).unwrap_err()),
        RefusalReason::EventFull
    );
    let mut smaller = seminar(today(), 1);
    smaller.open_to_city = false;
    smaller.capacity = None;
    let read = get(&mut db, &teacher, event.id).unwrap();
    assert_eq!(
        fields(update(&mut db, &teacher, event.id, version(&read), &smaller).unwrap_err()),
        [("open_to_city".to_owned(), NotAllowed)]
    );
    unregister(&mut db, &partner, event.id).unwrap();
    assert!(matches!(
        unregister(&mut db, &partner, event.id),
        Err(ApiError::NotFound)
    ));
    let again = register(&mut db, &supervisor, event.id).unwrap();
    assert_eq!(
        get(&mut db, &supervisor, event.id).unwrap().my_registration,
        Some(again)
    );
}

#[test]
fn attendees_are_asked_for_feedback_once_and_answer_once_and_the_event_shows_the_mean() {
    let mut db = seeded::demo();
    let (teacher, partner, supervisor) = (db.caller(TEACHER), db.caller(PARTNER), db.caller(SUPERVISOR));
    let draft = create(&mut db, &teacher, &seminar(today(), 5)).unwrap();
    let event = publish(&mut db, &teacher, draft.id, version(&draft)).unwrap();
    let present = register(&mut db, &partner, event.id).unwrap();
    let absent = register(&mut db, &supervisor, event.id).unwrap();
    assert!(matches!(
        mark_attendance(
            &mut db,
            &partner,
            event.id,
            &AttendanceInput {
                attended: vec![present.id]
            }
        ),
        Err(ApiError::Forbidden)
    ));
    let wrong = AttendanceInput {
        attended: vec![present.id, RegistrationId(absent.id.0 + 1000)],
    };
    assert_eq!(
        fields(mark_attendance(&mut db, &teacher, event.id, &wrong).unwrap_err()),
        [("attended[1]".to_owned(), NotAllowed)]
    );
    let marked = mark_attendance(
        &mut db,
        &teacher,
        event.id,
        &AttendanceInput {
            attended: vec![present.id],
        },
    )
    .unwrap();
    assert_eq!((marked.registered, marked.attended), (2, 1));
    let answer_of = |csat| EventFeedbackInput {
        csat,
        comment: " Полезно ".to_owned(),
    };
    assert_eq!(
        reason(answer(&mut db, &partner, event.id, &answer_of(5)).unwrap_err()),
        RefusalReason::FeedbackNotRequested
    );
    request_feedback(&mut db, &teacher, event.id).unwrap();
    assert_eq!(
        reason(request_feedback(&mut db, &teacher, event.id).unwrap_err()),
        RefusalReason::FeedbackAlreadyRequested
    );
    let due = plan::reminders(&mut db, &partner).unwrap();
    assert!(
        due.iter()
            .any(|r| r.kind == ReminderKind::EventFeedback && r.event_id == Some(event.id))
    );
    assert_eq!(
        fields(answer(&mut db, &partner, event.id, &answer_of(6)).unwrap_err()),
        [("csat".to_owned(), OutOfRange)]
    );
    assert_eq!(
        reason(answer(&mut db, &supervisor, event.id, &answer_of(4)).unwrap_err()),
        RefusalReason::NotAttended
    );
    assert_eq!(
        answer(&mut db, &partner, event.id, &answer_of(4)).unwrap().comment,
        "Полезно"
    );
    assert_eq!(
        reason(answer(&mut db, &partner, event.id, &answer_of(5)).unwrap_err()),
        RefusalReason::AlreadyAnswered
    );
    let read = get(&mut db, &teacher, event.id).unwrap();
    assert_eq!((read.feedback.count, read.feedback.mean), (1, Some(4.0)));
    assert!(
        !plan::reminders(&mut db, &partner)
            .unwrap()
            .iter()
            .any(|r| r.event_id == Some(event.id))
    );
}

#[test]
fn a_fair_takes_one_stand_per_school_and_ratings_from_registered_visitors_of_other_organisations() {
    let mut db = seeded::demo();
    let (teacher, partner, committee) = (db.caller(TEACHER), db.caller(PARTNER), db.caller(COMMITTEE));
    let council = db.caller(seeded::COUNCIL);
    let mut input = seminar(today(), 10);
    input.kind = EventKind::Fair;
    let draft = create(&mut db, &teacher, &input).unwrap();
    let stand = StandInput {
        title: "Банк заданий".to_owned(),
        description: String::new(),
        resource_ids: Vec::new(),
    };
    assert_eq!(
        reason(fairs::create(&mut db, &teacher, draft.id, &stand).unwrap_err()),
        RefusalReason::FairClosed
    );
    let fair = publish(&mut db, &teacher, draft.id, version(&draft)).unwrap();
    let own = fairs::create(&mut db, &teacher, fair.id, &stand).unwrap();
    assert_eq!(
        reason(fairs::create(&mut db, &council, fair.id, &stand).unwrap_err()),
        RefusalReason::AlreadyPresented
    );
    assert!(matches!(
        fairs::create(&mut db, &partner, fair.id, &stand),
        Err(ApiError::Forbidden)
    ));
    assert!(matches!(
        fairs::rate(&mut db, &teacher, own.id, &RatingInput { score: 5 }),
        Err(ApiError::Forbidden)
    ));
    assert_eq!(
        reason(fairs::rate(&mut db, &partner, own.id, &RatingInput { score: 3 }).unwrap_err()),
        RefusalReason::NotRegisteredForFair
    );
    register(&mut db, &partner, fair.id).unwrap();
    register(&mut db, &committee, fair.id).unwrap();
    fairs::rate(&mut db, &partner, own.id, &RatingInput { score: 3 }).unwrap();
    let changed = fairs::rate(&mut db, &partner, own.id, &RatingInput { score: 4 }).unwrap();
    assert_eq!(
        (changed.ratings, changed.organisations, changed.my_score),
        (1, 1, Some(4))
    );
    fairs::rate(&mut db, &committee, own.id, &RatingInput { score: 5 }).unwrap();
    let results = fairs::results(&mut db, &partner, fair.id, &seeded::FIRST_PAGE).unwrap();
    assert_eq!((results.ratings, results.votes, results.fair_mean), (2, 2, Some(4.5)));
    assert_eq!(results.stands.items[0].score, Some(4.5));
    assert!(results.formula.contains("C = 5, m = 4.50"));
    // A cancelled registration takes its rating out of the count.
    unregister(&mut db, &committee, fair.id).unwrap();
    let results = fairs::results(&mut db, &partner, fair.id, &seeded::FIRST_PAGE).unwrap();
    assert_eq!((results.ratings, results.fair_mean), (1, Some(4.0)));
}
