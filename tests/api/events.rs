//! Events and fairs: a school publishes a seminar open to the city, teachers of another
//! school register until the places run out, the organiser marks attendance and asks for
//! feedback, attendees answer once; the calendar and a school's history; materials read
//! by the registrants; a fair's stands rated by visitors and ranked by the formula.

use openapi::events::{Event, EventItem, EventStatus, Registration, RegistrationStatus};
use openapi::fairs::{FairResults, Stand};
use openapi::plan::{Reminder, ReminderKind};
use openapi::users::Role;
use openapi::{OrganisationId, Page};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tests::fixtures::{TestOrg, TestUser};
use tests::{TestApp, days_from_today, etag_version, spawn_app};

/// Two schools, the organiser's teacher and three teachers of the other school.
struct City {
    host: OrganisationId,
    other: OrganisationId,
    organiser: String,
    guests: Vec<String>,
}

async fn city(app: &TestApp) -> City {
    let host = TestOrg::school("СОШ № 61").create(app);
    let other = TestOrg::school("СОШ № 12").create(app);
    let organiser = TestUser::new(host, &[Role::Staff]).create(app).token(app).await;
    let mut guests = Vec::new();
    for _ in 0..3 {
        guests.push(TestUser::new(other, &[Role::Staff]).create(app).token(app).await);
    }
    City {
        host,
        other,
        organiser,
        guests,
    }
}

fn seminar(starts_in: i64, capacity: i64) -> Value {
    json!({
        "role": "organiser",
        "kind": "seminar",
        "level": "municipal",
        "title": "Формирующее оценивание на уроках математики",
        "starts_on": days_from_today(starts_in),
        "ends_on": days_from_today(starts_in),
        "time_text": "14:00–16:30",
        "place": "СОШ № 61, актовый зал",
        "speakers": ["Кузнецова Ольга Сергеевна"],
        "open_to_city": true,
        "capacity": capacity
    })
}

/// A published event of the host school.
async fn published(app: &TestApp, c: &City, body: &Value) -> Event {
    let created: Event = app
        .post("/api/events", Some(&c.organiser), body)
        .await
        .json(StatusCode::CREATED);
    assert_eq!(created.status, EventStatus::Draft);
    app.post(
        &format!("/api/events/{}/publish", created.id),
        Some(&c.organiser),
        &json!({}),
    )
    .await
    .json(StatusCode::OK)
}

async fn read(app: &TestApp, token: &str, id: openapi::EventId) -> Event {
    app.get(&format!("/api/events/{id}"), Some(token))
        .await
        .json(StatusCode::OK)
}

#[tokio::test]
async fn teachers_of_the_city_register_until_the_places_run_out_and_cancel_to_free_one() {
    let app = spawn_app().await;
    let c = city(&app).await;
    let draft: Event = app
        .post("/api/events", Some(&c.organiser), &seminar(0, 2))
        .await
        .json(StatusCode::CREATED);
    let path = format!("/api/events/{}", draft.id);
    app.get(&path, Some(&c.guests[0]))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    app.send_if_match(Method::POST, &format!("{path}/publish"), Some(&c.organiser), None, None)
        .await
        .problem(StatusCode::PRECONDITION_REQUIRED, "precondition_required");
    let publish = app
        .send_if_match(
            Method::POST,
            &format!("{path}/publish"),
            Some(&c.organiser),
            Some("\"1\""),
            None,
        )
        .await;
    assert_eq!(etag_version(&publish), 2);
    let registrations = format!("{path}/registrations");
    let first: Registration = app
        .post(&registrations, Some(&c.guests[0]), &json!({}))
        .await
        .json(StatusCode::CREATED);
    assert_eq!(
        (first.status, first.code.len(), first.org_id),
        (RegistrationStatus::Confirmed, 8, c.other)
    );
    app.post(&registrations, Some(&c.guests[0]), &json!({}))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    app.post(&registrations, Some(&c.guests[1]), &json!({}))
        .await
        .json::<Registration>(StatusCode::CREATED);
    let full = app
        .post(&registrations, Some(&c.guests[2]), &json!({}))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(full.reason, Some(openapi::RefusalReason::EventFull));
    let seen = read(&app, &c.guests[2], draft.id).await;
    assert_eq!((seen.registered, seen.my_registration), (2, None), "nothing written");
    let mine = read(&app, &c.guests[0], draft.id).await;
    assert_eq!(mine.my_registration.map(|r| r.code), Some(first.code));

    let mut smaller = seminar(0, 1);
    smaller["title"] = json!("Формирующее оценивание: практикум");
    let refused = app
        .put(&path, Some(&c.organiser), &smaller)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(refused.errors[0].field, "capacity");
    assert_eq!(read(&app, &c.organiser, draft.id).await.title, draft.title);

    let cancel = app
        .send(Method::DELETE, &format!("{registrations}/me"), Some(&c.guests[0]), None)
        .await;
    assert_eq!(cancel.status, StatusCode::NO_CONTENT);
    app.send(Method::DELETE, &format!("{registrations}/me"), Some(&c.guests[0]), None)
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    app.post(&registrations, Some(&c.guests[2]), &json!({}))
        .await
        .json::<Registration>(StatusCode::CREATED);
    let listed: Page<Registration> = app.get(&registrations, Some(&c.organiser)).await.json(StatusCode::OK);
    let statuses: Vec<RegistrationStatus> = listed.items.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            RegistrationStatus::Cancelled,
            RegistrationStatus::Confirmed,
            RegistrationStatus::Confirmed
        ]
    );
    app.get(&registrations, Some(&c.guests[1]))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
}

#[tokio::test]
async fn the_organiser_marks_attendance_and_asks_attendees_who_answer_once() {
    let app = spawn_app().await;
    let c = city(&app).await;
    let event = published(&app, &c, &seminar(0, 10)).await;
    let path = format!("/api/events/{}", event.id);
    let mut ids = Vec::new();
    for guest in &c.guests[..2] {
        let registration: Registration = app
            .post(&format!("{path}/registrations"), Some(guest), &json!({}))
            .await
            .json(StatusCode::CREATED);
        ids.push(registration.id);
    }
    let attendance = format!("{path}/attendance");
    app.put(&attendance, Some(&c.guests[0]), &json!({"attended": [ids[0]]}))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let wrong = app
        .put(
            &attendance,
            Some(&c.organiser),
            &json!({"attended": [ids[0], ids[1].0 + 99]}),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(wrong.errors[0].field, "attended[1]");
    assert_eq!(read(&app, &c.organiser, event.id).await.attended, 0, "nothing written");
    let marked: Event = app
        .put(&attendance, Some(&c.organiser), &json!({"attended": [ids[0]]}))
        .await
        .json(StatusCode::OK);
    assert_eq!((marked.registered, marked.attended), (2, 1));

    let answer = format!("{path}/feedback");
    let early = app
        .post(&answer, Some(&c.guests[0]), &json!({"csat": 5}))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(early.reason, Some(openapi::RefusalReason::FeedbackNotRequested));
    let asked: Event = app
        .post(&format!("{path}/feedback-request"), Some(&c.organiser), &json!({}))
        .await
        .json(StatusCode::OK);
    assert!(asked.feedback_requested_at.is_some());
    let reminders: Vec<Reminder> = app
        .get("/api/me/reminders", Some(&c.guests[0]))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        reminders
            .iter()
            .map(|r| (r.kind, r.event_id, r.project_id))
            .collect::<Vec<_>>(),
        [(ReminderKind::EventFeedback, Some(event.id), None)]
    );
    assert!(read(&app, &c.guests[0], event.id).await.my_feedback_due);
    let absent = app
        .post(&answer, Some(&c.guests[1]), &json!({"csat": 5}))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(absent.reason, Some(openapi::RefusalReason::NotAttended));
    app.post(&answer, Some(&c.guests[0]), &json!({"csat": 0, "comment": "x"}))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    app.post(&answer, Some(&c.guests[0]), &json!({"csat": 4, "comment": "Полезно"}))
        .await
        .json::<Value>(StatusCode::CREATED);
    let again = app
        .post(&answer, Some(&c.guests[0]), &json!({"csat": 5}))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(again.reason, Some(openapi::RefusalReason::AlreadyAnswered));
    let summary = read(&app, &c.organiser, event.id).await.feedback;
    assert_eq!((summary.count, summary.mean), (1, Some(4.0)));
    let reminders: Vec<Reminder> = app
        .get("/api/me/reminders", Some(&c.guests[0]))
        .await
        .json(StatusCode::OK);
    assert!(reminders.is_empty());
}

#[tokio::test]
async fn the_calendar_filters_by_dates_kind_and_level_and_a_school_keeps_its_history() {
    let app = spawn_app().await;
    let c = city(&app).await;
    let soon = published(&app, &c, &seminar(10, 30)).await;
    let mut past_body = seminar(-40, 30);
    past_body["kind"] = json!("open_lesson");
    past_body["level"] = json!("school");
    let past = published(&app, &c, &past_body).await;
    let mut elsewhere = seminar(20, 30);
    elsewhere["role"] = json!("participant");
    elsewhere["organiser_name"] = json!("КРИПКиПРО");
    elsewhere["level"] = json!("regional");
    elsewhere["open_to_city"] = json!(false);
    elsewhere["capacity"] = Value::Null;
    let taking_part: Event = app
        .post("/api/events", Some(&c.organiser), &elsewhere)
        .await
        .json(StatusCode::CREATED);
    assert_eq!(taking_part.organiser_name, "КРИПКиПРО");
    let guest = &c.guests[0];
    let ids = |page: Page<EventItem>| page.items.iter().map(|e| e.id).collect::<Vec<_>>();
    let month = format!("/api/events?from={}&to={}", days_from_today(0), days_from_today(30));
    assert_eq!(
        ids(app.get(&month, Some(guest)).await.json(StatusCode::OK)),
        [soon.id],
        "no drafts of others"
    );
    assert_eq!(
        ids(app.get(&month, Some(&c.organiser)).await.json(StatusCode::OK)),
        [soon.id, taking_part.id],
        "the own drafts"
    );
    let history = format!("/api/events?org_id={}", c.host);
    assert_eq!(
        ids(app.get(&history, Some(guest)).await.json(StatusCode::OK)),
        [past.id, soon.id]
    );
    let lessons = "/api/events?kind=open_lesson&level=school";
    assert_eq!(ids(app.get(lessons, Some(guest)).await.json(StatusCode::OK)), [past.id]);
    let search = "/api/events?q=%D0%A4%D0%9E%D0%A0%D0%9C%D0%98%D0%A0%D0%A3%D0%AE%D0%A9%D0%95%D0%95";
    assert_eq!(ids(app.get(search, Some(guest)).await.json(StatusCode::OK)).len(), 2);
    app.get("/api/events?kind=lecture", Some(guest))
        .await
        .problem(StatusCode::BAD_REQUEST, "invalid_query");
    let closed = app
        .post(
            &format!("/api/events/{}/registrations", past.id),
            Some(guest),
            &json!({}),
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(closed.reason, Some(openapi::RefusalReason::RegistrationClosed));
}

#[tokio::test]
async fn an_invalid_event_is_refused_field_by_field_and_a_cancelled_one_changes_no_more() {
    let app = spawn_app().await;
    let c = city(&app).await;
    let mut bad = seminar(0, 0);
    bad["title"] = json!("Сем");
    bad["ends_on"] = json!(days_from_today(-1));
    bad["online_url"] = json!("zoom.us/j/1234567");
    let problem = app
        .post("/api/events", Some(&c.organiser), &bad)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["title", "ends_on", "online_url", "capacity"]);
    let partner = TestUser::new(c.other, &[Role::Partner]).create(&app).token(&app).await;
    app.post("/api/events", Some(&partner), &seminar(0, 5))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");

    let event = published(&app, &c, &seminar(3, 5)).await;
    let path = format!("/api/events/{}", event.id);
    let material = app
        .send_raw(
            Method::POST,
            &format!("{path}/attachments?file_name=programme.pdf"),
            Some(&c.organiser),
            "application/pdf",
            b"%PDF-1.7\n% programme".to_vec(),
        )
        .await;
    assert_eq!(material.status, StatusCode::CREATED, "{}", material.body);
    let file: Value = serde_json::from_str(&material.body).unwrap();
    let download = app
        .get(&format!("/api/attachments/{}", file["id"]), Some(&c.guests[0]))
        .await;
    assert_eq!(
        download.status,
        StatusCode::OK,
        "a registrant of another school reads the materials"
    );

    let cancelled: Event = app
        .post(&format!("{path}/cancel"), Some(&c.organiser), &json!({}))
        .await
        .json(StatusCode::OK);
    assert_eq!(cancelled.status, EventStatus::Cancelled);
    for reply in [
        app.put(&path, Some(&c.organiser), &seminar(3, 5)).await,
        app.post(&format!("{path}/cancel"), Some(&c.organiser), &json!({}))
            .await,
        app.post(&format!("{path}/registrations"), Some(&c.guests[0]), &json!({}))
            .await,
    ] {
        let refused = reply.problem(StatusCode::CONFLICT, "conflict");
        assert_eq!(refused.reason, Some(openapi::RefusalReason::EventCancelled));
    }
    assert_eq!(read(&app, &c.guests[0], event.id).await, cancelled, "nothing written");
}

#[tokio::test]
async fn visitors_rate_the_stands_of_a_fair_and_the_results_rank_them_by_the_formula() {
    let app = spawn_app().await;
    let c = city(&app).await;
    let third = TestOrg::school("Гимназия № 17").create(&app);
    let gym = TestUser::new(third, &[Role::Council, Role::Staff])
        .create(&app)
        .token(&app)
        .await;
    let mut body = seminar(-1, 5);
    body["kind"] = json!("fair");
    body["ends_on"] = json!(days_from_today(5));
    let fair = published(&app, &c, &body).await;
    for guest in &c.guests {
        app.post(
            &format!("/api/events/{}/registrations", fair.id),
            Some(guest),
            &json!({}),
        )
        .await
        .json::<Registration>(StatusCode::CREATED);
    }
    let stands = format!("/api/events/{}/stands", fair.id);
    let stand = |title: &str| json!({"title": title, "description": "Ресурсы и опыт"});
    let own: Stand = app
        .post(&stands, Some(&c.organiser), &stand("Банк заданий"))
        .await
        .json(StatusCode::CREATED);
    let other: Stand = app
        .post(&stands, Some(&gym), &stand("Цифровая лаборатория"))
        .await
        .json(StatusCode::CREATED);
    let rate = |stand: &Stand| format!("/api/stands/{}/rating", stand.id);
    app.put(&rate(&own), Some(&c.organiser), &json!({"score": 5}))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    app.put(&rate(&own), Some(&c.guests[0]), &json!({"score": 6}))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    for (token, own_score, other_score) in [(&c.guests[0], 5, 4), (&c.guests[1], 5, 5), (&c.guests[2], 4, 4)] {
        app.put(&rate(&own), Some(token), &json!({"score": own_score}))
            .await
            .json::<Stand>(StatusCode::OK);
        app.put(&rate(&other), Some(token), &json!({"score": other_score}))
            .await
            .json::<Stand>(StatusCode::OK);
    }
    let changed: Stand = app
        .put(&rate(&other), Some(&c.guests[2]), &json!({"score": 3}))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (changed.ratings, changed.organisations, changed.my_score),
        (3, 1, Some(3)),
        "one rating per visitor, changed; the three guests are one school's vote"
    );
    let results: FairResults = app
        .get(&format!("/api/events/{}/results", fair.id), Some(&c.guests[0]))
        .await
        .json(StatusCode::OK);
    // One vote each, of СОШ № 12: own 14 / 3, other 12 / 3; m = 4.33;
    // own: (5·4.33 + 4.67) / 6 = 4.39; other: (5·4.33 + 4) / 6 = 4.28.
    assert_eq!(
        (results.ratings, results.votes, results.fair_mean, results.prior_weight),
        (6, 2, Some(4.33), 5)
    );
    let ranked: Vec<(i64, Option<f64>)> = results.stands.items.iter().map(|r| (r.rank, r.score)).collect();
    assert_eq!(ranked, [(1, Some(4.39)), (2, Some(4.28))]);
    assert_eq!(results.stands.items[0].stand.id, own.id);
    assert!(results.formula.contains("(C·m + Σ) / (C + n)"));
    let seminar_stand = published(&app, &c, &seminar(1, 5)).await;
    let refused = app
        .post(
            &format!("/api/events/{}/stands", seminar_stand.id),
            Some(&gym),
            &stand("Стенд"),
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(refused.reason, Some(openapi::RefusalReason::NotAFair));
}

#[tokio::test]
async fn registrations_at_once_take_exactly_the_places_and_the_rest_are_told_it_is_full() {
    use futures_util::future::join_all;
    let app = spawn_app().await;
    let c = city(&app).await;
    let event = published(&app, &c, &seminar(2, 3)).await;
    let mut guests = c.guests.clone();
    for _ in 0..5 {
        guests.push(TestUser::new(c.other, &[Role::Staff]).create(&app).token(&app).await);
    }
    // Eight teachers register at the same moment for three places.
    let path = format!("/api/events/{}/registrations", event.id);
    let empty = json!({});
    let replies = join_all(guests.iter().map(|guest| app.post(&path, Some(guest), &empty))).await;
    let (taken, full): (Vec<_>, Vec<_>) = replies
        .into_iter()
        .partition(|reply| reply.status == StatusCode::CREATED);
    assert_eq!(taken.len(), 3);
    for reply in full {
        let problem = reply.problem(StatusCode::CONFLICT, "conflict");
        assert_eq!(problem.reason, Some(openapi::RefusalReason::EventFull));
    }
    let listed: Page<Registration> = app
        .get(&format!("{path}?per_page=100"), Some(&c.organiser))
        .await
        .json(StatusCode::OK);
    assert_eq!(listed.total, 3);
    assert_eq!(read(&app, &c.organiser, event.id).await.registered, 3);
}

#[tokio::test]
async fn a_capacity_lowered_while_teachers_register_never_lets_one_too_many_in() {
    let app = spawn_app().await;
    let c = city(&app).await;
    for _ in 0..6 {
        let event = published(&app, &c, &seminar(2, 3)).await;
        let path = format!("/api/events/{}/registrations", event.id);
        let empty = json!({});
        for guest in &c.guests[..2] {
            app.post(&path, Some(guest), &empty)
                .await
                .json::<Registration>(StatusCode::CREATED);
        }
        // The organiser lowers the places to 2 at the moment the third teacher registers.
        let event_path = format!("/api/events/{}", event.id);
        let current = read(&app, &c.organiser, event.id).await;
        let etag = format!("\"{}\"", current.version);
        let lower = seminar(2, 2);
        let (changed, registered) = futures_util::join!(
            app.send_if_match(Method::PUT, &event_path, Some(&c.organiser), Some(&etag), Some(&lower)),
            app.post(&path, Some(&c.guests[2]), &empty)
        );
        let now = read(&app, &c.organiser, event.id).await;
        let capacity = now.capacity.unwrap_or_default();
        assert!(
            now.registered <= i64::from(capacity),
            "{} places taken of {capacity}",
            now.registered
        );
        match (changed.status, registered.status) {
            (StatusCode::OK, StatusCode::CONFLICT) => {
                let problem = registered.problem(StatusCode::CONFLICT, "conflict");
                assert_eq!(problem.reason, Some(openapi::RefusalReason::EventFull));
            }
            (StatusCode::UNPROCESSABLE_ENTITY, StatusCode::CREATED) => assert_eq!(now.registered, 3),
            other => panic!("{other:?}: {} / {}", changed.body, registered.body),
        }
    }
}
