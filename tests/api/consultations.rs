//! Consultations: a school asks another for methodological support, the host schedules,
//! declines or records it held (or records one given without a request), either side
//! calls it off, the recipient rates it once per person; refusals change nothing.

use openapi::RefusalReason;
use openapi::consultations::{Consultation, ConsultationStatus};
use openapi::users::Role;
use openapi::{OrganisationId, Page};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tests::fixtures::{TestOrg, TestUser};
use tests::{TestApp, days_from_today, etag_version, spawn_app};

/// Two schools: the host (a teacher) and the recipient (its director and a partner
/// teacher), and a third school's teacher.
struct Schools {
    host: OrganisationId,
    recipient: OrganisationId,
    teacher: String,
    director: String,
    partner: String,
    stranger: String,
}

async fn schools(app: &TestApp) -> Schools {
    let host = TestOrg::school("СОШ № 61").create(app);
    let recipient = TestOrg::school("СОШ № 12").create(app);
    let third = TestOrg::school("Гимназия № 17").create(app);
    Schools {
        host,
        recipient,
        teacher: TestUser::new(host, &[Role::Staff]).create(app).token(app).await,
        director: TestUser::new(recipient, &[Role::Admin])
            .named("Иванова Мария Петровна")
            .create(app)
            .token(app)
            .await,
        partner: TestUser::new(recipient, &[Role::Partner]).create(app).token(app).await,
        stranger: TestUser::new(third, &[Role::Staff]).create(app).token(app).await,
    }
}

fn asked(host: OrganisationId) -> Value {
    json!({"host_org_id": host, "topic": "Формирующее оценивание", "question": "Как выстроить критерии для 5–6 классов"})
}

fn held_body() -> Value {
    json!({"held_on": days_from_today(0), "form": "online", "place": "https://meet.example/61",
        "consultants": "Кузнецова О. С., учитель математики", "participants": "Учителя математики",
        "participant_count": 5, "outcome": "Разобрали критерии и банк заданий",
        "follow_ups": "Прислать шаблон рубрики до конца месяца"})
}

async fn read(app: &TestApp, token: &str, id: i64) -> Consultation {
    app.get(&format!("/api/consultations/{id}"), Some(token))
        .await
        .json(StatusCode::OK)
}

#[tokio::test]
async fn a_school_asks_the_host_schedules_and_holds_it_and_the_recipient_rates_it_once() {
    let app = spawn_app().await;
    let s = schools(&app).await;
    let created_reply = app.post("/api/consultations", Some(&s.director), &asked(s.host)).await;
    let created: Consultation = created_reply.json(StatusCode::CREATED);
    assert_eq!(etag_version(&created_reply), 1);
    assert_eq!(created.status, ConsultationStatus::Requested);
    assert_eq!(
        (created.host_short_name.as_str(), created.recipient_short_name.as_str()),
        ("СОШ № 61", "СОШ № 12")
    );
    let id = created.id.0;

    let schedule = json!({"scheduled_on": days_from_today(3), "form": "in_person", "place": "Каб. 21"});
    let path = format!("/api/consultations/{id}/schedule");
    app.send_if_match(Method::POST, &path, Some(&s.teacher), None, Some(&schedule))
        .await
        .problem(StatusCode::PRECONDITION_REQUIRED, "precondition_required");
    app.send_if_match(Method::POST, &path, Some(&s.teacher), Some("\"7\""), Some(&schedule))
        .await
        .problem(StatusCode::PRECONDITION_FAILED, "precondition_failed");
    app.send(Method::POST, &path, Some(&s.director), Some(&schedule))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let past = json!({"scheduled_on": days_from_today(-1), "form": "in_person"});
    let problem = app
        .send(Method::POST, &path, Some(&s.teacher), Some(&past))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(problem.errors[0].field, "scheduled_on");
    assert_eq!(read(&app, &s.director, id).await, created, "refusals change nothing");
    let scheduled: Consultation = app
        .send(Method::POST, &path, Some(&s.teacher), Some(&schedule))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (scheduled.status, scheduled.version),
        (ConsultationStatus::Scheduled, 2)
    );
    assert_eq!(scheduled.place, "Каб. 21");

    let feedback = format!("/api/consultations/{id}/feedback");
    let answer = json!({"csat": 5, "recommend": 9, "ready": true, "comment": "Полезно"});
    let early = app.post(&feedback, Some(&s.director), &answer).await;
    let problem = early.problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(problem.reason, Some(RefusalReason::ConsultationNotHeld));

    let declined = app
        .send(
            Method::POST,
            &format!("/api/consultations/{id}/decline"),
            Some(&s.teacher),
            Some(&json!({"reason": "Передумали"})),
        )
        .await;
    assert_eq!(
        declined.problem(StatusCode::CONFLICT, "conflict").reason,
        Some(RefusalReason::ConsultationScheduled)
    );
    let held: Consultation = app
        .send(
            Method::POST,
            &format!("/api/consultations/{id}/hold"),
            Some(&s.teacher),
            Some(&held_body()),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(held.status, ConsultationStatus::Held);
    assert_eq!(
        (held.participant_count, held.held_on),
        (Some(5), Some(chrono::Utc::now().date_naive()))
    );

    app.post(&feedback, Some(&s.teacher), &answer)
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let bad = app
        .post(
            &feedback,
            Some(&s.director),
            &json!({"csat": 6, "recommend": 11, "ready": true}),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(bad.errors.len(), 2);
    let rated: Consultation = app
        .post(&feedback, Some(&s.director), &answer)
        .await
        .json(StatusCode::CREATED);
    assert_eq!(rated.ratings.responses, 1);
    let rated: Consultation = app
        .post(
            &feedback,
            Some(&s.partner),
            &json!({"csat": 4, "recommend": 8, "ready": false}),
        )
        .await
        .json(StatusCode::CREATED);
    assert_eq!(
        (rated.ratings.responses, rated.ratings.csat_mean, rated.ratings.ready),
        (2, Some(4.5), 1)
    );
    app.post(&feedback, Some(&s.director), &answer)
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        read(&app, &s.teacher, id).await.ratings.responses,
        2,
        "one answer per person"
    );

    let closed = app
        .send(Method::POST, &path, Some(&s.teacher), Some(&schedule))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(closed.reason, Some(RefusalReason::ConsultationClosed));
    app.get(&format!("/api/consultations/{id}"), Some(&s.stranger))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn a_request_is_declined_or_cancelled_with_a_reason_and_then_closed() {
    let app = spawn_app().await;
    let s = schools(&app).await;
    let first: Consultation = app
        .post("/api/consultations", Some(&s.partner), &asked(s.host))
        .await
        .json(StatusCode::CREATED);
    let decline = format!("/api/consultations/{}/decline", first.id.0);
    app.send(Method::POST, &decline, Some(&s.teacher), Some(&json!({"reason": " "})))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let declined: Consultation = app
        .send(
            Method::POST,
            &decline,
            Some(&s.teacher),
            Some(&json!({"reason": "Нет свободных специалистов"})),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(declined.status, ConsultationStatus::Declined);
    assert_eq!(declined.reason.as_deref(), Some("Нет свободных специалистов"));

    let second: Consultation = app
        .post("/api/consultations", Some(&s.director), &asked(s.host))
        .await
        .json(StatusCode::CREATED);
    let cancel = format!("/api/consultations/{}/cancel", second.id.0);
    app.send(
        Method::POST,
        &cancel,
        Some(&s.stranger),
        Some(&json!({"reason": "Не нужно"})),
    )
    .await
    .problem(StatusCode::NOT_FOUND, "not_found");
    let cancelled: Consultation = app
        .send(
            Method::POST,
            &cancel,
            Some(&s.partner),
            Some(&json!({"reason": "Решили сами"})),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(cancelled.status, ConsultationStatus::Cancelled);
    let again = app
        .send(
            Method::POST,
            &cancel,
            Some(&s.director),
            Some(&json!({"reason": "Ещё раз"})),
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(again.reason, Some(RefusalReason::ConsultationClosed));
    assert_eq!(read(&app, &s.director, second.id.0).await, cancelled);
}

#[tokio::test]
async fn the_host_records_one_given_without_a_request_and_lists_show_each_side_its_own() {
    let app = spawn_app().await;
    let s = schools(&app).await;
    let invalid = app
        .post(
            "/api/consultations/given",
            Some(&s.teacher),
            &json!({"recipient_org_id": s.host, "topic": "Тема", "held": held_body()}),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fields: Vec<&str> = invalid.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["topic", "recipient_org_id"]);
    app.post(
        "/api/consultations/given",
        Some(&s.partner),
        &json!({"recipient_org_id": s.host, "topic": "Наставничество", "held": held_body()}),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "forbidden");
    let given: Consultation = app
        .post(
            "/api/consultations/given",
            Some(&s.teacher),
            &json!({"recipient_org_id": s.recipient, "topic": "Наставничество молодых педагогов", "held": held_body()}),
        )
        .await
        .json(StatusCode::CREATED);
    assert_eq!((given.status, given.requested_by), (ConsultationStatus::Held, None));
    let asked_for: Consultation = app
        .post("/api/consultations", Some(&s.director), &asked(s.host))
        .await
        .json(StatusCode::CREATED);

    let ids = |page: Page<Consultation>| page.items.into_iter().map(|c| c.id.0).collect::<Vec<_>>();
    let list = |token: String, query: &'static str| {
        let app = &app;
        async move {
            app.get(&format!("/api/consultations{query}"), Some(&token))
                .await
                .json::<Page<Consultation>>(StatusCode::OK)
        }
    };
    assert_eq!(
        ids(list(s.teacher.clone(), "?role=host").await),
        [asked_for.id.0, given.id.0]
    );
    assert_eq!(
        ids(list(s.teacher.clone(), "?role=host&status=held").await),
        [given.id.0]
    );
    assert_eq!(
        ids(list(s.teacher.clone(), "?q=%D0%BD%D0%B0%D1%81%D1%82%D0%B0%D0%B2").await),
        [given.id.0],
        "found by a word of the topic"
    );
    assert!(ids(list(s.teacher.clone(), "?role=recipient").await).is_empty());
    assert_eq!(
        ids(list(s.partner.clone(), "").await),
        [asked_for.id.0, given.id.0],
        "the recipient's partner staff see what their school receives"
    );
    assert!(ids(list(s.partner.clone(), "?role=host").await).is_empty());
    assert!(ids(list(s.stranger.clone(), "").await).is_empty());
    app.get(&format!("/api/consultations?org_id={}", s.host), Some(&s.director))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
}
