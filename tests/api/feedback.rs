use chrono::Datelike;
use openapi::Page;
use openapi::feedback::{CatalogueItem, Feedback, FeedbackInvitation, FeedbackLink, Metrics, MonthlyMetrics};
use openapi::lifecycle::Delivery;
use openapi::projects::Project;
use openapi::projects::ProjectLevel;
use openapi::resources::{DevelopmentElement, Resource, ResourceForm, Stage};
use openapi::users::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tests::fixtures::{HostSchool, TestOrg, TestUser, resource_body};
use tests::{TestApp, spawn_app};

struct Delivered {
    staff: String,
    partner: String,
    project: Project,
    resource: Resource,
    delivery: Delivery,
    host: openapi::OrganisationId,
}

async fn delivered(app: &TestApp) -> Delivered {
    let school = HostSchool::create(app, "СОШ № 61").await;
    let partner_school = TestOrg::school("СОШ № 12").create(app);
    let partner = TestUser::new(partner_school, &[Role::Partner])
        .named("Орлова Наталья")
        .create(app)
        .token(app)
        .await;
    let version = school.version_with_file(app, "product").await;
    let HostSchool {
        org: host,
        staff,
        project,
        resource,
    } = school;
    app.with_db(|conn| {
        backend::db::models::transition::apply(
            conn,
            resource.id,
            Stage::Request,
            Stage::Delivery,
            openapi::UserId(1),
            Some("fixture"),
        )
    })
    .unwrap();
    let delivery: Delivery = app
        .post(&format!("/api/resources/{}/deliveries", resource.id), Some(&staff), &json!({"version_id": version.id, "recipient_org_id": partner_school, "delivered_on": tests::days_from_today(-30), "form": "training", "contact": "Орлова Н. П.", "recipients": 5}))
        .await
        .json(StatusCode::CREATED);
    Delivered {
        staff,
        partner,
        project,
        resource,
        delivery,
        host,
    }
}

/// A feedback link issued by the consumer school for `email`, named `respondent`.
async fn issue_link(app: &TestApp, d: &Delivered, email: &str, respondent: &str) -> FeedbackLink {
    app.post(
        &format!("/api/deliveries/{}/feedback-links", d.delivery.id),
        Some(&d.partner),
        &json!({ "email": email, "respondent": respondent }),
    )
    .await
    .json(StatusCode::CREATED)
}

fn answer(csat: u8, recommend: u8, ready: bool) -> Value {
    json!({"csat": csat, "recommend": recommend, "ready": ready, "comment": "Полезный материал"})
}

#[tokio::test]
async fn a_partner_rates_a_delivery_once_and_the_metrics_follow_the_formulas() {
    let app = spawn_app().await;
    let d = delivered(&app).await;
    let path = format!("/api/deliveries/{}/feedback", d.delivery.id);
    let rated: Feedback = app
        .post(&path, Some(&d.partner), &answer(5, 10, true))
        .await
        .json(StatusCode::CREATED);
    assert_eq!(
        (rated.respondent_name.as_str(), rated.via.as_str()),
        ("Орлова Наталья", "app")
    );
    app.post(&path, Some(&d.partner), &answer(1, 0, false))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    app.post(&path, Some(&d.staff), &answer(5, 10, true))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    app.post(&path, Some(&d.partner), &answer(6, 11, true))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");

    let link = issue_link(&app, &d, "lebedeva@sch12.example", "Учитель математики Лебедева").await;
    app.post(
        &format!("/api/public/feedback/{}", link.token),
        None,
        &answer(3, 6, false),
    )
    .await
    .json::<Feedback>(StatusCode::CREATED);

    let metrics: Metrics = app
        .get(&format!("/api/resources/{}/metrics", d.resource.id), Some(&d.staff))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (
            metrics.responses,
            metrics.satisfied,
            metrics.promoters,
            metrics.detractors,
            metrics.ready
        ),
        (2, 1, 1, 1, 1)
    );
    assert_eq!(
        (metrics.csat_percent, metrics.nps, metrics.ready_percent),
        (Some(50.0), Some(0.0), Some(50.0))
    );
    assert_eq!(
        (metrics.deliveries, metrics.adopting_schools, metrics.requests),
        (1, 1, 0)
    );
    assert_eq!(
        (metrics.app_responses, metrics.link_responses),
        (1, 1),
        "in-app and link answers apart"
    );
    let project: Metrics = app
        .get(&format!("/api/projects/{}/metrics", d.project.id), Some(&d.staff))
        .await
        .json(StatusCode::OK);
    let school: Metrics = app
        .get(&format!("/api/organisations/{}/metrics", d.host), Some(&d.staff))
        .await
        .json(StatusCode::OK);
    assert_eq!(project, metrics);
    assert_eq!(school, metrics);
    let monthly: Vec<MonthlyMetrics> = app
        .get(
            &format!("/api/resources/{}/metrics/monthly", d.resource.id),
            Some(&d.staff),
        )
        .await
        .json(StatusCode::OK);
    let this_month = chrono::Utc::now().date_naive().with_day(1).unwrap();
    assert_eq!(
        monthly
            .iter()
            .map(|m| (m.month, m.responses, m.csat_percent, m.nps))
            .collect::<Vec<_>>(),
        [(this_month, 2, Some(50.0), Some(0.0))]
    );
    app.get(
        &format!("/api/resources/{}/metrics/monthly", d.resource.id),
        Some(&d.partner),
    )
    .await
    .problem(StatusCode::NOT_FOUND, "not_found");

    let seen = |token: &'static str| {
        let app = &app;
        let d = &d;
        async move {
            let token = if token == "partner" { &d.partner } else { &d.staff };
            let page: Page<Delivery> = app
                .get(&format!("/api/deliveries?resource_id={}", d.resource.id), Some(token))
                .await
                .json(StatusCode::OK);
            (page.items[0].responses, page.items[0].answered_by_me)
        }
    };
    assert_eq!(seen("partner").await, (2, true), "the partner has answered");
    assert_eq!(seen("staff").await, (2, false), "the host's staff have not");
    let answers: Page<Feedback> = app
        .get(&format!("/api/resources/{}/feedback", d.resource.id), Some(&d.staff))
        .await
        .json(StatusCode::OK);
    assert_eq!(answers.total, 2);
    app.get(&format!("/api/resources/{}/feedback", d.resource.id), Some(&d.partner))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn metrics_of_nothing_are_absent_not_zero() {
    let app = spawn_app().await;
    let d = delivered(&app).await;
    let metrics: Metrics = app
        .get(&format!("/api/resources/{}/metrics", d.resource.id), Some(&d.staff))
        .await
        .json(StatusCode::OK);
    assert_eq!((metrics.responses, metrics.csat_percent, metrics.nps), (0, None, None));
}

#[tokio::test]
async fn a_signed_link_works_once_and_forged_or_replayed_links_are_refused() {
    let app = spawn_app().await;
    let d = delivered(&app).await;
    let links = format!("/api/deliveries/{}/feedback-links", d.delivery.id);
    // The rated school issues no links; the consumer school does.
    app.post(&links, Some(&d.staff), &json!({"email": "lebedeva@sch12.example"}))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let link: FeedbackLink = app
        .post(
            &links,
            Some(&d.partner),
            &json!({"email": "lebedeva@sch12.example", "respondent": "Лебедева А. В.", "valid_days": 7}),
        )
        .await
        .json(StatusCode::CREATED);
    assert!(link.path.starts_with("/feedback/"));
    let invitation: FeedbackInvitation = app
        .get(&format!("/api/public/feedback/{}", link.token), None)
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (
            invitation.resource_title.as_str(),
            invitation.recipient_short_name.as_str()
        ),
        ("Ресурс", "СОШ № 12")
    );

    // Change a signature character that carries six significant bits (not the last one).
    let mut forged: Vec<char> = link.token.chars().collect();
    let at = forged.len() - 5;
    forged[at] = if forged[at] == 'A' { 'Q' } else { 'A' };
    let forged: String = forged.into_iter().collect();
    app.post(&format!("/api/public/feedback/{forged}"), None, &answer(5, 10, true))
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_token");
    let access = app
        .login(
            &app.with_db(|conn| backend::db::models::user::find(conn, openapi::UserId(1)))
                .unwrap()
                .email,
            tests::fixtures::PASSWORD,
        )
        .await
        .access_token;
    app.post(&format!("/api/public/feedback/{access}"), None, &answer(5, 10, true))
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_token");

    app.post(
        &format!("/api/public/feedback/{}", link.token),
        None,
        &answer(4, 9, true),
    )
    .await
    .json::<Feedback>(StatusCode::CREATED);
    app.post(
        &format!("/api/public/feedback/{}", link.token),
        None,
        &answer(1, 0, false),
    )
    .await
    .problem(StatusCode::CONFLICT, "conflict");
    app.get(&format!("/api/public/feedback/{}", link.token), None)
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    let again = app
        .post(&links, Some(&d.partner), &json!({"email": " Lebedeva@SCH12.example "}))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        again.reason.map(openapi::RefusalReason::as_str),
        Some("feedback_respondent_linked")
    );

    let metrics: Metrics = app
        .get(&format!("/api/resources/{}/metrics", d.resource.id), Some(&d.staff))
        .await
        .json(StatusCode::OK);
    assert_eq!(metrics.responses, 1, "refused answers are not counted");
    let stranger = TestUser::new(TestOrg::school("СОШ № 90").create(&app), &[Role::Partner])
        .create(&app)
        .token(&app)
        .await;
    app.post(&links, Some(&stranger), &json!({"email": "someone@sch90.example"}))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    app.post(
        &links,
        Some(&d.partner),
        &json!({"email": "someone@sch12.example", "valid_days": 61}),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let links_issued: i64 = app
        .with_db(|conn| {
            use diesel::prelude::*;
            backend::db::schema::feedback_links::table.count().get_result(conn)
        })
        .unwrap();
    assert_eq!(links_issued, 1, "a refused link was issued");
}

#[tokio::test]
async fn a_delivery_gets_at_most_as_many_links_as_people_it_reached() {
    let app = spawn_app().await;
    let d = delivered(&app).await;
    let links = format!("/api/deliveries/{}/feedback-links", d.delivery.id);
    for n in 0..5 {
        app.post(
            &links,
            Some(&d.partner),
            &json!({"email": format!("teacher{n}@sch12.example")}),
        )
        .await
        .json::<FeedbackLink>(StatusCode::CREATED);
    }
    let refused = app
        .post(&links, Some(&d.partner), &json!({"email": "teacher5@sch12.example"}))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        refused.reason.map(openapi::RefusalReason::as_str),
        Some("feedback_link_limit")
    );
}

#[tokio::test]
async fn an_expired_link_is_refused() {
    let app = spawn_app().await;
    let d = delivered(&app).await;
    let link = issue_link(&app, &d, "lebedeva@sch12.example", "Лебедева А. В.").await;
    let keys = backend::auth::JwtKeys::from_secret(tests::JWT_SECRET.as_bytes());
    let mut claims = keys.verify_link(&link.token).unwrap();
    claims.exp = chrono::Utc::now().timestamp() - 60;
    let expired = keys.issue_link(&claims).unwrap();
    app.post(&format!("/api/public/feedback/{expired}"), None, &answer(5, 10, true))
        .await
        .problem(StatusCode::UNAUTHORIZED, "token_expired");
    let metrics: Metrics = app
        .get(&format!("/api/resources/{}/metrics", d.resource.id), Some(&d.staff))
        .await
        .json(StatusCode::OK);
    assert_eq!(metrics.responses, 0, "the expired link's answer was stored");
}

#[tokio::test]
async fn the_committee_reads_every_schools_metrics_and_a_partner_none_of_another_schools_internal_work() {
    let app = spawn_app().await;
    let d = delivered(&app).await;
    let committee = TestOrg::committee("Комитет").create(&app);
    let reader = TestUser::new(committee, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    app.get(&format!("/api/organisations/{}/metrics", d.host), Some(&reader))
        .await
        .json::<Metrics>(StatusCode::OK);
    app.get(&format!("/api/organisations/{}/metrics", d.host), Some(&d.partner))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    app.get(&format!("/api/resources/{}/metrics", d.resource.id), Some(&d.partner))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn the_catalogue_shows_published_resources_with_metrics_to_every_school() {
    let app = spawn_app().await;
    let d = delivered(&app).await;
    app.post(
        &format!("/api/deliveries/{}/feedback", d.delivery.id),
        Some(&d.partner),
        &answer(5, 10, true),
    )
    .await
    .json::<Feedback>(StatusCode::CREATED);
    let empty: Page<CatalogueItem> = app.get("/api/catalogue", Some(&d.partner)).await.json(StatusCode::OK);
    assert_eq!(empty.total, 0, "internal resources stay out of the catalogue");

    let mut body = resource_body("Ресурс");
    body["visibility"] = json!("published");
    app.send(
        Method::PUT,
        &format!("/api/resources/{}", d.resource.id),
        Some(&d.staff),
        Some(&body),
    )
    .await
    .json::<Resource>(StatusCode::OK);
    let listed = app.get("/api/catalogue", Some(&d.partner)).await;
    let page: Page<CatalogueItem> = listed.json(StatusCode::OK);
    assert_eq!(page.total, 1);
    assert_eq!(
        page.items,
        [CatalogueItem {
            id: d.resource.id,
            title: "Ресурс".to_owned(),
            form: ResourceForm::MethodologicalDevelopment,
            element: Some(DevelopmentElement::Technology),
            level: ProjectLevel::Platform,
            org_id: d.host,
            org_short_name: d.resource.org_short_name.clone(),
            csat_percent: Some(100.0),
            nps: Some(100.0),
            deliveries: 1,
        }]
    );
    let wire: Value = listed.json(StatusCode::OK);
    let mut fields: Vec<&str> = wire["items"][0]
        .as_object()
        .map(|item| item.keys().map(String::as_str).collect())
        .unwrap_or_default();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "csat_percent",
            "deliveries",
            "element",
            "form",
            "id",
            "level",
            "nps",
            "org_id",
            "org_short_name",
            "title"
        ],
        "a list item carries what the list shows, not the description, authors or kit"
    );
    for (query, expected) in [
        ("form=material_kit", 0),
        ("form=methodological_development", 1),
        ("level=laboratory", 0),
        ("element=technology", 1),
        ("q=%D1%80%D0%B5%D1%81%D1%83%D1%80%D1%81", 1),
    ] {
        let found: Page<CatalogueItem> = app
            .get(&format!("/api/catalogue?{query}"), Some(&d.partner))
            .await
            .json(StatusCode::OK);
        assert_eq!(found.total, expected, "{query}");
    }
}

#[tokio::test]
async fn the_committee_reads_the_registry_and_exports_it_as_csv_that_excel_opens() {
    let app = spawn_app().await;
    let d = delivered(&app).await;
    app.post(
        &format!("/api/deliveries/{}/feedback", d.delivery.id),
        Some(&d.partner),
        &answer(4, 8, true),
    )
    .await
    .json::<Feedback>(StatusCode::CREATED);
    let committee = TestOrg::committee("Комитет").create(&app);
    let reader = TestUser::new(committee, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    let registry: Page<openapi::feedback::RegistryItem> =
        app.get("/api/registry", Some(&reader)).await.json(StatusCode::OK);
    assert_eq!(registry.total, 2, "every school, the committee itself excluded");
    let host = registry.items.iter().find(|row| row.org_id == d.host).unwrap();
    assert_eq!(
        (
            host.projects,
            host.resources,
            host.deliveries,
            host.responses,
            host.app_responses,
            host.link_responses,
            host.nps
        ),
        (1, 1, 1, 1, 1, 0, Some(0.0))
    );
    let schools = |query: &'static str| {
        let app = &app;
        let reader = &reader;
        async move {
            let page: Page<openapi::feedback::RegistryItem> = app
                .get(&format!("/api/registry?{query}"), Some(reader))
                .await
                .json(StatusCode::OK);
            page.items.iter().map(|row| row.org_id).collect::<Vec<_>>()
        }
    };
    assert_eq!(schools("level=platform").await, [d.host]);
    assert_eq!(schools("level=platform&platform_status=municipal").await, [d.host]);
    assert_eq!(schools("platform_status=regional").await, []);
    assert_eq!(schools("active=true").await, [], "the fixture's project is a draft");
    assert_eq!(schools("active=false").await.len(), 2);
    app.get("/api/registry?level=district", Some(&reader))
        .await
        .problem(StatusCode::BAD_REQUEST, "invalid_query");
    app.get("/api/registry", Some(&d.staff))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");

    let export = app
        .client
        .get(format!("{}/api/registry/export", app.address))
        .bearer_auth(&reader)
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), StatusCode::OK);
    assert!(
        export.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let bytes = export.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("Школа;Проектов;"));
    assert!(lines[0].contains(";Отзывов;Из них в приложении;Из них по ссылкам;Респондентов;"));
    let host_line = lines.iter().find(|line| line.contains("СОШ № 61")).unwrap();
    assert!(host_line.contains(";1;1;0;1;100,0;0,0;100,0;"), "{host_line}");
    // This school year's dissemination: nothing but the delivery's recipient reached, and
    // no fair rating.
    assert!(host_line.ends_with(";0;0;0;0;0;0;0;0;0;0;0;0;1;"), "{host_line}");
}

#[tokio::test]
async fn link_issues_and_answers_are_audited() {
    let app = spawn_app().await;
    let d = delivered(&app).await;
    let link = issue_link(&app, &d, "lebedeva@sch12.example", "Лебедева А. В.").await;
    let by_link: Feedback = app
        .post(
            &format!("/api/public/feedback/{}", link.token),
            None,
            &answer(4, 9, true),
        )
        .await
        .json(StatusCode::CREATED);
    let in_app: Feedback = app
        .post(
            &format!("/api/deliveries/{}/feedback", d.delivery.id),
            Some(&d.partner),
            &answer(5, 10, true),
        )
        .await
        .json(StatusCode::CREATED);
    let committee = TestOrg::committee("Комитет").create(&app);
    let reader = TestUser::new(committee, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    let trail = |query: String| {
        let (app, reader) = (&app, &reader);
        async move {
            let page: Page<openapi::audit::AuditEntry> = app
                .get(&format!("/api/audit?{query}"), Some(reader))
                .await
                .json(StatusCode::OK);
            page.items
        }
    };
    let issued = trail(format!("entity=delivery&entity_id={}", d.delivery.id)).await;
    let issue = issued.iter().find(|entry| entry.action == "link_issue").unwrap();
    assert_eq!(issue.after.as_ref().unwrap()["respondent"], "Лебедева А. В.");
    assert!(!serde_json::to_string(&issued).unwrap().contains(&link.token));
    let answers = trail("entity=feedback".to_owned()).await;
    let ids: Vec<(i64, &str, bool)> = answers
        .iter()
        .map(|entry| (entry.entity_id, entry.action.as_str(), entry.actor_id.is_some()))
        .collect();
    assert_eq!(ids, [(in_app.id, "create", true), (by_link.id, "create", false)]);
}
