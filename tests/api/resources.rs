use openapi::audit::AuditEntry;
use openapi::projects::Project;
use openapi::resources::{Resource, ResourceForm, ResourceItem, Stage, Visibility};
use openapi::users::Role;
use openapi::{FieldErrorCode, Page};
use reqwest::{Method, StatusCode};
use serde_json::json;
use tests::fixtures::{TestOrg, TestUser, project_body, resource_body};
use tests::{TestApp, spawn_app};

struct School {
    org: openapi::OrganisationId,
    staff: String,
    project: Project,
}

async fn school(app: &TestApp, name: &str) -> School {
    let org = TestOrg::school(name).create(app);
    let admin = TestUser::new(org, &[Role::Admin]).create(app).token(app).await;
    let project: Project = app
        .post("/api/projects", Some(&admin), &project_body("Проект"))
        .await
        .json(StatusCode::CREATED);
    let staff = TestUser::new(org, &[Role::Staff]).create(app).token(app).await;
    School { org, staff, project }
}

fn resource_count(app: &TestApp) -> i64 {
    use diesel::prelude::*;
    app.with_db(|conn| backend::db::schema::resources::table.count().get_result::<i64>(conn))
        .unwrap()
}

#[tokio::test]
async fn staff_register_a_resource_at_the_request_stage_with_authors_in_order() {
    let app = spawn_app().await;
    let s = school(&app, "СОШ № 61").await;
    let author = TestUser::new(s.org, &[Role::Staff])
        .named("Кузнецова Ольга Сергеевна")
        .create(&app);
    let mut body = resource_body("Кейс-технология на уроках истории");
    body["authors"] = json!([{"user_id": author.id.0, "share": 70}, {"name": "Внешний Соавтор", "share": 30}]);
    let created: Resource = app
        .post(
            &format!("/api/projects/{}/resources", s.project.id),
            Some(&s.staff),
            &body,
        )
        .await
        .json(StatusCode::CREATED);
    assert_eq!(
        (created.stage, created.visibility, created.form),
        (
            Stage::Request,
            Visibility::Internal,
            ResourceForm::MethodologicalDevelopment
        )
    );
    let names: Vec<(&str, u8)> = created.authors.iter().map(|a| (a.name.as_str(), a.share)).collect();
    assert_eq!(names, [("Кузнецова Ольга Сергеевна", 70), ("Внешний Соавтор", 30)]);
    let fetched: Resource = app
        .get(&format!("/api/resources/{}", created.id), Some(&s.staff))
        .await
        .json(StatusCode::OK);
    assert_eq!(fetched, created);
}

#[tokio::test]
async fn shares_not_adding_up_to_100_are_refused_and_nothing_is_written() {
    let app = spawn_app().await;
    let s = school(&app, "СОШ № 61").await;
    let mut body = resource_body("Неверные доли авторов");
    body["authors"] = json!([{"name": "Первый Автор", "share": 50}, {"name": "Второй Автор", "share": 45}]);
    let problem = app
        .post(
            &format!("/api/projects/{}/resources", s.project.id),
            Some(&s.staff),
            &body,
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        (problem.errors[0].field.as_str(), problem.errors[0].code),
        ("authors", FieldErrorCode::OutOfRange)
    );
    assert!(
        problem.errors[0].message.contains("95"),
        "{}",
        problem.errors[0].message
    );
    assert_eq!(resource_count(&app), 0);
}

#[tokio::test]
async fn a_programme_needs_hours_and_format_and_a_kit_its_products() {
    let app = spawn_app().await;
    let s = school(&app, "СОШ № 61").await;
    let path = format!("/api/projects/{}/resources", s.project.id);
    let mut programme = resource_body("Программа повышения квалификации");
    programme["form"] = json!("training_programme");
    programme["element"] = json!(null);
    let fields: Vec<String> = app
        .post(&path, Some(&s.staff), &programme)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .errors
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, ["hours", "programme_format"]);
    programme["hours"] = json!(36);
    programme["programme_format"] = json!("blended");
    let created: Resource = app
        .post(&path, Some(&s.staff), &programme)
        .await
        .json(StatusCode::CREATED);
    assert_eq!(created.hours, Some(36));

    let mut kit = resource_body("Комплект материалов");
    kit["form"] = json!("material_kit");
    kit["element"] = json!(null);
    kit["kit_items"] = json!([{"item_type": "teaching_kit", "title": "УМК «История края», 5 класс"}, {"item_type": "assessment_materials", "title": "КИМ"}]);
    let created: Resource = app.post(&path, Some(&s.staff), &kit).await.json(StatusCode::CREATED);
    assert_eq!(created.kit_items.len(), 2);
}

#[tokio::test]
async fn staff_of_another_school_cannot_see_or_change_a_schools_resources_and_the_committee_only_reads() {
    let app = spawn_app().await;
    let a = school(&app, "Школа А").await;
    let b = school(&app, "Школа Б").await;
    let committee = TestOrg::committee("Комитет").create(&app);
    let reader = TestUser::new(committee, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    let created: Resource = app
        .post(
            &format!("/api/projects/{}/resources", a.project.id),
            Some(&a.staff),
            &resource_body("Ресурс школы А"),
        )
        .await
        .json(StatusCode::CREATED);
    let path = format!("/api/resources/{}", created.id);

    app.get(&path, Some(&b.staff))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    let edit = resource_body("Правка чужой школы");
    app.send(Method::PUT, &path, Some(&b.staff), Some(&edit))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    app.post(
        &format!("/api/projects/{}/resources", a.project.id),
        Some(&b.staff),
        &resource_body("Чужой ресурс"),
    )
    .await
    .problem(StatusCode::NOT_FOUND, "not_found");
    app.get(&path, Some(&reader)).await.json::<Resource>(StatusCode::OK);
    app.send(Method::PUT, &path, Some(&reader), Some(&edit))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let all: Page<ResourceItem> = app.get("/api/resources", Some(&reader)).await.json(StatusCode::OK);
    assert_eq!(all.total, 1);
    let own_b: Page<ResourceItem> = app.get("/api/resources", Some(&b.staff)).await.json(StatusCode::OK);
    assert_eq!(own_b.total, 0);
    let unchanged: Resource = app.get(&path, Some(&a.staff)).await.json(StatusCode::OK);
    assert_eq!(unchanged, created);
}

#[tokio::test]
async fn a_published_resource_is_readable_by_a_partner_school() {
    let app = spawn_app().await;
    let a = school(&app, "Школа А").await;
    let partner_school = TestOrg::school("Школа-партнёр").create(&app);
    let partner = TestUser::new(partner_school, &[Role::Partner])
        .create(&app)
        .token(&app)
        .await;
    let mut body = resource_body("Опубликованный ресурс");
    let created: Resource = app
        .post(
            &format!("/api/projects/{}/resources", a.project.id),
            Some(&a.staff),
            &body,
        )
        .await
        .json(StatusCode::CREATED);
    let path = format!("/api/resources/{}", created.id);
    app.get(&path, Some(&partner))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    body["visibility"] = json!("published");
    app.send(Method::PUT, &path, Some(&a.staff), Some(&body))
        .await
        .json::<Resource>(StatusCode::OK);
    let seen: Resource = app.get(&path, Some(&partner)).await.json(StatusCode::OK);
    assert_eq!(seen.visibility, Visibility::Published);
    let mut takeover = body.clone();
    takeover["title"] = json!("Правка партнёра");
    app.send(Method::PUT, &path, Some(&partner), Some(&takeover))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let after: Resource = app.get(&path, Some(&a.staff)).await.json(StatusCode::OK);
    assert_eq!(after, seen, "the refused PUT wrote");
}

#[tokio::test]
async fn every_change_is_in_the_audit_trail_with_before_and_after_for_the_admin_and_the_committee() {
    let app = spawn_app().await;
    let org = TestOrg::school("СОШ № 61").create(&app);
    let admin = TestUser::new(org, &[Role::Admin])
        .named("Петрова Елена")
        .create(&app)
        .token(&app)
        .await;
    let project: Project = app
        .post("/api/projects", Some(&admin), &project_body("Проект"))
        .await
        .json(StatusCode::CREATED);
    let created: Resource = app
        .post(
            &format!("/api/projects/{}/resources", project.id),
            Some(&admin),
            &resource_body("Первое название"),
        )
        .await
        .json(StatusCode::CREATED);
    app.send(
        Method::PUT,
        &format!("/api/resources/{}", created.id),
        Some(&admin),
        Some(&resource_body("Второе название")),
    )
    .await
    .json::<Resource>(StatusCode::OK);

    let trail: Page<AuditEntry> = app.get("/api/audit", Some(&admin)).await.json(StatusCode::OK);
    let actions: Vec<(&str, &str)> = trail
        .items
        .iter()
        .map(|e| (e.entity.as_str(), e.action.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("resource", "update"),
            ("resource", "create"),
            ("project", "create"),
            ("user", "sign_in")
        ]
    );
    let update = &trail.items[0];
    assert_eq!(update.actor_name.as_deref(), Some("Петрова Елена"));
    assert_eq!(update.before.as_ref().unwrap()["title"], "Первое название");
    assert_eq!(update.after.as_ref().unwrap()["title"], "Второе название");
    let one: Page<AuditEntry> = app
        .get(
            &format!("/api/audit?entity=project&entity_id={}", project.id),
            Some(&admin),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(one.total, 1);

    let staff = TestUser::new(org, &[Role::Staff]).create(&app).token(&app).await;
    app.get("/api/audit", Some(&staff))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let other = TestOrg::school("СОШ № 12").create(&app);
    let other_admin = TestUser::new(other, &[Role::Admin]).create(&app).token(&app).await;
    app.get(&format!("/api/audit?org_id={}", org.0), Some(&other_admin))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let theirs: Page<AuditEntry> = app.get("/api/audit", Some(&other_admin)).await.json(StatusCode::OK);
    assert_eq!(theirs.total, 1, "only their own sign-in");
    assert_eq!(theirs.items[0].action, "sign_in");
    let committee = TestOrg::committee("Комитет").create(&app);
    let reader = TestUser::new(committee, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    let all: Page<AuditEntry> = app.get("/api/audit", Some(&reader)).await.json(StatusCode::OK);
    let changes = all.items.iter().filter(|entry| entry.action != "sign_in").count();
    assert_eq!((changes, all.total), (3, 3 + 4), "the changes and four sign-ins");
}
