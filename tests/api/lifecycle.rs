use openapi::ResourceId;
use openapi::lifecycle::{Delivery, Transition};
use openapi::projects::Project;
use openapi::requests::ConsumerRequest;
use openapi::resources::{Resource, Stage};
use openapi::users::Role;
use openapi::{Page, Problem};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tests::fixtures::{HostSchool, TestOrg, TestUser, project_body, resource_body};
use tests::{TestApp, spawn_app};

struct Story {
    host: HostSchool,
    partner: String,
    partner_school: openapi::OrganisationId,
}

async fn story(app: &TestApp) -> Story {
    let host = HostSchool::create(app, "СОШ № 61").await;
    let partner_school = TestOrg::school("СОШ № 12").create(app);
    let partner = TestUser::new(partner_school, &[Role::Partner])
        .create(app)
        .token(app)
        .await;
    Story {
        host,
        partner,
        partner_school,
    }
}

async fn move_to(app: &TestApp, s: &Story, to: &str, reason: Option<&str>) -> tests::Reply {
    app.post(
        &format!("/api/resources/{}/transitions", s.host.resource.id),
        Some(&s.host.staff),
        &json!({"to": to, "reason": reason}),
    )
    .await
}

fn refused(reply: &tests::Reply, reason: &str) {
    let problem: Problem = reply.problem(StatusCode::CONFLICT, "transition_refused");
    assert_eq!(
        problem.reason.map(openapi::RefusalReason::as_str),
        Some(reason),
        "{}",
        reply.body
    );
}

fn stage_of(app: &TestApp, id: i64) -> Stage {
    app.with_db(|conn| backend::db::models::resource::find(conn, ResourceId(id)))
        .unwrap()
        .stage()
}

#[tokio::test]
async fn each_step_starts_only_with_the_previous_steps_evidence_and_the_history_records_it() {
    let app = spawn_app().await;
    let s = story(&app).await;
    refused(&move_to(&app, &s, "design", None).await, "no_accepted_request");
    refused(&move_to(&app, &s, "production", None).await, "skips_a_step");
    assert_eq!(
        stage_of(&app, s.host.resource.id.0),
        Stage::Request,
        "a refusal writes nothing"
    );

    let me: openapi::users::Me = app.get("/api/me", Some(&s.host.staff)).await.json(StatusCode::OK);
    let asked: ConsumerRequest = app.post("/api/requests", Some(&s.partner), &json!({"need": "Нужна методика для 5–6 классов", "audience": "Учителя", "target_org_id": me.organisation.id})).await.json(StatusCode::CREATED);
    app.post(
        &format!("/api/requests/{}/decision", asked.id),
        Some(&s.host.staff),
        &json!({"decision": "accept", "resource_id": s.host.resource.id}),
    )
    .await
    .json::<Value>(StatusCode::OK);
    let designed: Resource = move_to(&app, &s, "design", None).await.json(StatusCode::OK);
    assert_eq!(designed.stage, Stage::Design);

    refused(&move_to(&app, &s, "production", None).await, "no_design_document");
    s.host.version_with_file(&app, "design").await;
    move_to(&app, &s, "production", None)
        .await
        .json::<Resource>(StatusCode::OK);

    refused(&move_to(&app, &s, "delivery", None).await, "no_produced_version");
    let product = s.host.version_with_file(&app, "product").await;
    move_to(&app, &s, "delivery", None)
        .await
        .json::<Resource>(StatusCode::OK);

    refused(&move_to(&app, &s, "satisfaction", None).await, "no_delivery");
    let delivered: Delivery = app
        .post(&format!("/api/resources/{}/deliveries", s.host.resource.id), Some(&s.host.staff), &json!({"version_id": product.id, "recipient_org_id": s.partner_school, "delivered_on": tests::days_from_today(-30), "form": "training", "contact": "Орлова Н. П."}))
        .await
        .json(StatusCode::CREATED);
    assert_eq!(delivered.recipient_short_name, "СОШ № 12");
    move_to(&app, &s, "satisfaction", None)
        .await
        .json::<Resource>(StatusCode::OK);

    refused(&move_to(&app, &s, "production", None).await, "reason_required");
    move_to(&app, &s, "production", Some("Партнёры попросили доработать КИМ"))
        .await
        .json::<Resource>(StatusCode::OK);

    let history: Page<Transition> = app
        .get(
            &format!("/api/resources/{}/transitions", s.host.resource.id),
            Some(&s.host.staff),
        )
        .await
        .json(StatusCode::OK);
    let steps: Vec<(Stage, Stage)> = history.items.iter().map(|t| (t.from, t.to)).collect();
    assert_eq!(
        steps,
        [
            (Stage::Request, Stage::Design),
            (Stage::Design, Stage::Production),
            (Stage::Production, Stage::Delivery),
            (Stage::Delivery, Stage::Satisfaction),
            (Stage::Satisfaction, Stage::Production)
        ]
    );
    assert_eq!(
        history.items[4].reason.as_deref(),
        Some("Партнёры попросили доработать КИМ")
    );
    assert!(history.items[0].actor_name.is_some());
}

#[tokio::test]
async fn a_competitive_assignment_lets_design_start_without_a_request() {
    let app = spawn_app().await;
    let host = TestOrg::school("СОШ № 61").create(&app);
    let committee = TestOrg::committee("Комитет").create(&app);
    let staff = TestUser::new(host, &[Role::Admin]).create(&app).token(&app).await;
    let mut body = project_body("Конкурсный проект");
    body["origin"] = json!("competitive");
    body["competition"] = json!("Конкурс 2025");
    body["customer_org_id"] = json!(committee.0);
    let project: Project = app
        .post("/api/projects", Some(&staff), &body)
        .await
        .json(StatusCode::CREATED);
    let resource: Resource = app
        .post(
            &format!("/api/projects/{}/resources", project.id),
            Some(&staff),
            &resource_body("Ресурс по заданию"),
        )
        .await
        .json(StatusCode::CREATED);
    let moved: Resource = app
        .post(
            &format!("/api/resources/{}/transitions", resource.id),
            Some(&staff),
            &json!({"to": "design"}),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(moved.stage, Stage::Design);
}

#[tokio::test]
async fn deliveries_wait_for_the_delivery_step_and_the_consumer_confirms_them() {
    let app = spawn_app().await;
    let s = story(&app).await;
    let product = s.host.version_with_file(&app, "product").await;
    let body = json!({"version_id": product.id, "recipient_org_id": s.partner_school, "delivered_on": tests::days_from_today(-30), "form": "handover", "contact": "Орлова Н. П."});
    app.post(
        &format!("/api/resources/{}/deliveries", s.host.resource.id),
        Some(&s.host.staff),
        &body,
    )
    .await
    .problem(StatusCode::CONFLICT, "conflict");
    app.with_db(|conn| {
        backend::db::models::transition::apply(
            conn,
            s.host.resource.id,
            Stage::Request,
            Stage::Delivery,
            openapi::UserId(1),
            Some("fixture"),
        )
    })
    .unwrap();
    let mut future = body.clone();
    future["delivered_on"] = json!(tests::days_from_today(1));
    app.post(
        &format!("/api/resources/{}/deliveries", s.host.resource.id),
        Some(&s.host.staff),
        &future,
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let delivered: Delivery = app
        .post(
            &format!("/api/resources/{}/deliveries", s.host.resource.id),
            Some(&s.host.staff),
            &body,
        )
        .await
        .json(StatusCode::CREATED);

    app.post(
        &format!("/api/deliveries/{}/confirmation", delivered.id),
        Some(&s.host.staff),
        &json!({}),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "forbidden");
    let confirmed: Delivery = app
        .post(
            &format!("/api/deliveries/{}/confirmation", delivered.id),
            Some(&s.partner),
            &json!({}),
        )
        .await
        .json(StatusCode::OK);
    assert!(confirmed.confirmed_at.is_some());
    let received: Page<Delivery> = app.get("/api/deliveries", Some(&s.partner)).await.json(StatusCode::OK);
    assert_eq!(received.total, 1);
    let stranger_school = TestOrg::school("Гимназия № 17").create(&app);
    let stranger = TestUser::new(stranger_school, &[Role::Partner])
        .create(&app)
        .token(&app)
        .await;
    let none: Page<Delivery> = app.get("/api/deliveries", Some(&stranger)).await.json(StatusCode::OK);
    assert_eq!(none.total, 0, "a partner sees only deliveries to its own school");
    app.post(
        &format!("/api/deliveries/{}/confirmation", delivered.id),
        Some(&stranger),
        &json!({}),
    )
    .await
    .problem(StatusCode::NOT_FOUND, "not_found");
    let after: Page<Delivery> = app
        .get("/api/deliveries", Some(&s.host.staff))
        .await
        .json(StatusCode::OK);
    let found = after.items.iter().find(|d| d.id == delivered.id).unwrap();
    assert_eq!(found, &confirmed, "the refused confirmation wrote");
}

#[tokio::test]
async fn the_committee_and_other_schools_cannot_move_a_resource() {
    let app = spawn_app().await;
    let s = story(&app).await;
    let committee = TestOrg::committee("Комитет").create(&app);
    let reader = TestUser::new(committee, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    let path = format!("/api/resources/{}/transitions", s.host.resource.id);
    app.post(&path, Some(&reader), &json!({"to": "design"}))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    app.post(&path, Some(&s.partner), &json!({"to": "design"}))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    let history: Page<Transition> = app.get(&path, Some(&reader)).await.json(StatusCode::OK);
    assert_eq!(history.total, 0);
}
