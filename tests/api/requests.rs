use openapi::Page;
use openapi::projects::Project;
use openapi::requests::{ConsumerRequest, RequestStatus};
use openapi::resources::Resource;
use openapi::users::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tests::fixtures::{HostSchool, TestOrg, TestUser, project_body, resource_body};
use tests::{TestApp, spawn_app};

struct World {
    host: openapi::OrganisationId,
    host_staff: String,
    partner: String,
    stranger: String,
    resource: Resource,
}

async fn world(app: &TestApp) -> World {
    let school = HostSchool::create(app, "СОШ № 61").await;
    let partner_school = TestOrg::school("СОШ № 12").create(app);
    let other = TestOrg::school("Гимназия № 17").create(app);
    let partner = TestUser::new(partner_school, &[Role::Partner])
        .create(app)
        .token(app)
        .await;
    let stranger = TestUser::new(other, &[Role::Staff]).create(app).token(app).await;
    World {
        host: school.org,
        host_staff: school.staff,
        partner,
        stranger,
        resource: school.resource,
    }
}

fn request(target: Option<i64>) -> Value {
    json!({"need": "Методика формирующего оценивания для 5–6 классов", "audience": "Учителя математики", "desired_form": "methodological_development", "deadline": tests::days_from_today(180), "target_org_id": target})
}

async fn decide(app: &TestApp, token: &str, id: i64, body: Value) -> tests::Reply {
    app.send(
        Method::POST,
        &format!("/api/requests/{id}/decision"),
        Some(token),
        Some(&body),
    )
    .await
}

#[tokio::test]
async fn a_partner_asks_the_host_accepts_with_a_resource_and_the_partner_sees_each_change() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let filed: ConsumerRequest = app
        .post("/api/requests", Some(&w.partner), &request(Some(w.host.0)))
        .await
        .json(StatusCode::CREATED);
    assert_eq!(
        (filed.status, filed.target_org_id),
        (RequestStatus::Submitted, Some(w.host))
    );
    let inbox: Page<ConsumerRequest> = app
        .get("/api/requests?box=inbox", Some(&w.host_staff))
        .await
        .json(StatusCode::OK);
    assert_eq!(inbox.items.iter().map(|r| r.id).collect::<Vec<_>>(), [filed.id]);
    let stranger_inbox: Page<ConsumerRequest> = app
        .get("/api/requests?box=inbox", Some(&w.stranger))
        .await
        .json(StatusCode::OK);
    assert_eq!(stranger_inbox.total, 0);
    app.get(&format!("/api/requests/{}", filed.id), Some(&w.stranger))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");

    let accepted: ConsumerRequest = decide(
        &app,
        &w.host_staff,
        filed.id,
        json!({"decision": "accept", "resource_id": w.resource.id}),
    )
    .await
    .json(StatusCode::OK);
    assert_eq!(
        (accepted.status, accepted.resource_id),
        (RequestStatus::Accepted, Some(w.resource.id))
    );
    assert_eq!(
        (
            accepted.resource_title.as_deref(),
            accepted.target_org_short_name.as_deref()
        ),
        (Some(w.resource.title.as_str()), Some("СОШ № 61"))
    );
    let trail: Page<openapi::audit::AuditEntry> = app
        .get(
            &format!("/api/audit?entity=request&entity_id={}", filed.id),
            Some(&w.host_staff),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(
        trail.items.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["accept", "create"],
        "newest first; the decision is recorded as a verb"
    );
    let seen: Page<ConsumerRequest> = app
        .get("/api/requests?box=outbox", Some(&w.partner))
        .await
        .json(StatusCode::OK);
    let history: Vec<(RequestStatus, Option<&str>)> = seen.items[0]
        .events
        .iter()
        .map(|e| (e.status, e.org_short_name.as_deref()))
        .collect();
    assert_eq!(
        history,
        [
            (RequestStatus::Submitted, Some("СОШ № 12")),
            (RequestStatus::Accepted, Some("СОШ № 61"))
        ]
    );

    let again = decide(
        &app,
        &w.host_staff,
        filed.id,
        json!({"decision": "decline", "reason": "передумали"}),
    )
    .await;
    again.problem(StatusCode::CONFLICT, "conflict");
    let after: ConsumerRequest = app
        .get(&format!("/api/requests/{}", filed.id), Some(&w.partner))
        .await
        .json(StatusCode::OK);
    assert_eq!(after.status, RequestStatus::Accepted, "the refused decline wrote");
}

#[tokio::test]
async fn a_decline_needs_a_reason_and_an_open_request_cannot_be_declined() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let addressed: ConsumerRequest = app
        .post("/api/requests", Some(&w.partner), &request(Some(w.host.0)))
        .await
        .json(StatusCode::CREATED);
    decide(
        &app,
        &w.host_staff,
        addressed.id,
        json!({"decision": "decline", "reason": ""}),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let declined: ConsumerRequest = decide(
        &app,
        &w.host_staff,
        addressed.id,
        json!({"decision": "decline", "reason": "Нет подходящего ресурса"}),
    )
    .await
    .json(StatusCode::OK);
    assert_eq!(
        (declined.status, declined.decision_note.as_deref()),
        (RequestStatus::Declined, Some("Нет подходящего ресурса"))
    );

    let open: ConsumerRequest = app
        .post("/api/requests", Some(&w.partner), &request(None))
        .await
        .json(StatusCode::CREATED);
    let stranger_inbox: Page<ConsumerRequest> = app
        .get("/api/requests?box=inbox", Some(&w.stranger))
        .await
        .json(StatusCode::OK);
    assert_eq!(stranger_inbox.total, 1, "an open request reaches every school");
    decide(
        &app,
        &w.host_staff,
        open.id,
        json!({"decision": "decline", "reason": "Не наш профиль"}),
    )
    .await
    .problem(StatusCode::CONFLICT, "conflict");
    let answered: ConsumerRequest = decide(
        &app,
        &w.host_staff,
        open.id,
        json!({"decision": "answer", "resource_id": w.resource.id, "note": "Готовый ресурс"}),
    )
    .await
    .json(StatusCode::OK);
    assert_eq!(
        (answered.status, answered.target_org_id),
        (RequestStatus::Answered, Some(w.host))
    );
    let gone: Page<ConsumerRequest> = app
        .get("/api/requests?box=inbox", Some(&w.stranger))
        .await
        .json(StatusCode::OK);
    assert_eq!(gone.total, 0, "once taken, it leaves the other schools' inboxes");
}

#[tokio::test]
async fn refusals_write_nothing() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let filed: ConsumerRequest = app
        .post("/api/requests", Some(&w.partner), &request(Some(w.host.0)))
        .await
        .json(StatusCode::CREATED);
    // Staff cannot file; a partner cannot decide; another school's resource cannot answer.
    app.post("/api/requests", Some(&w.host_staff), &request(None))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    decide(
        &app,
        &w.partner,
        filed.id,
        json!({"decision": "accept", "resource_id": w.resource.id}),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "forbidden");
    let stranger_school = TestOrg::school("Лицей № 76").create(&app);
    let stranger_admin = TestUser::new(stranger_school, &[Role::Admin])
        .create(&app)
        .token(&app)
        .await;
    let project: Project = app
        .post("/api/projects", Some(&stranger_admin), &project_body("Чужой проект"))
        .await
        .json(StatusCode::CREATED);
    let foreign: Resource = app
        .post(
            &format!("/api/projects/{}/resources", project.id),
            Some(&stranger_admin),
            &resource_body("Чужой ресурс"),
        )
        .await
        .json(StatusCode::CREATED);
    decide(
        &app,
        &w.host_staff,
        filed.id,
        json!({"decision": "accept", "resource_id": foreign.id}),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    // A partner cannot address its own school or a committee, nor ask for an internal resource.
    let partner_me: openapi::users::Me = app.get("/api/me", Some(&w.partner)).await.json(StatusCode::OK);
    app.post(
        "/api/requests",
        Some(&w.partner),
        &request(Some(partner_me.organisation.id.0)),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let mut internal = request(None);
    internal["resource_id"] = json!(w.resource.id);
    app.post("/api/requests", Some(&w.partner), &internal)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let mut past = request(Some(w.host.0));
    past["deadline"] = json!(tests::days_from_today(-1));
    app.post("/api/requests", Some(&w.partner), &past)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");

    let unchanged: ConsumerRequest = app
        .get(&format!("/api/requests/{}", filed.id), Some(&w.partner))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (unchanged.status, unchanged.events.len()),
        (RequestStatus::Submitted, 1)
    );
    use diesel::prelude::*;
    let count = app
        .with_db(|conn| backend::db::schema::requests::table.count().get_result::<i64>(conn))
        .unwrap();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn a_request_for_a_published_resource_goes_to_its_school_and_the_committee_sees_all() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let mut body = resource_body("Ресурс-ответ");
    body["visibility"] = json!("published");
    app.send(
        Method::PUT,
        &format!("/api/resources/{}", w.resource.id),
        Some(&w.host_staff),
        Some(&body),
    )
    .await
    .json::<Resource>(StatusCode::OK);
    let mut ask = request(None);
    ask["resource_id"] = json!(w.resource.id);
    let filed: ConsumerRequest = app
        .post("/api/requests", Some(&w.partner), &ask)
        .await
        .json(StatusCode::CREATED);
    assert_eq!(filed.target_org_id, Some(w.host));
    let committee = TestOrg::committee("Комитет").create(&app);
    let reader = TestUser::new(committee, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    let all: Page<ConsumerRequest> = app.get("/api/requests", Some(&reader)).await.json(StatusCode::OK);
    assert_eq!(all.total, 1);
    app.get("/api/requests", Some(&w.partner))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
}
