//! Pilots (апробация) of resource versions and the risk registers of projects and
//! pilots: recording, reading, versioned changes, the conclusion that ends a pilot, the
//! score and order of risks, their history, and the owners' reminders of overdue reviews.

use openapi::pilots::{Pilot, PilotConclusion, PilotStatus};
use openapi::plan::{Reminder, ReminderKind};
use openapi::risks::{Risk, RiskChange, RiskField, RiskStatus};
use openapi::users::Role;
use openapi::{OrganisationId, Page};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tests::fixtures::{HostSchool, TestOrg, TestUser};
use tests::{TestApp, days_from_today, etag_version, spawn_app};

/// A host school with a design version of its resource and a partner school.
struct Setting {
    school: HostSchool,
    version: i64,
    partner: OrganisationId,
}

async fn setting(app: &TestApp) -> Setting {
    let school = HostSchool::create(app, "СОШ № 61").await;
    let version = school.version_with_file(app, "design").await.id;
    let partner = TestOrg::school("СОШ № 12").create(app);
    Setting {
        school,
        version,
        partner,
    }
}

fn pilot_body(version: i64, sites: &[OrganisationId], starts_in: i64) -> Value {
    json!({
        "version_id": version,
        "sites": sites,
        "starts_on": days_from_today(starts_in),
        "ends_on": days_from_today(starts_in + 60),
        "teachers": 3,
        "classes": "5А, 6Б",
        "pupils": 52,
        "method": "Уроки по банку заданий, анкетирование учащихся"
    })
}

fn pilots_path(s: &Setting) -> String {
    format!("/api/resources/{}/pilots", s.school.resource.id)
}

async fn read_pilot(app: &TestApp, token: &str, id: i64) -> Pilot {
    app.get(&format!("/api/pilots/{id}"), Some(token))
        .await
        .json(StatusCode::OK)
}

#[tokio::test]
async fn a_pilot_is_recorded_changed_with_its_version_and_concluded_once() {
    let app = spawn_app().await;
    let s = setting(&app).await;
    let staff = s.school.staff.as_str();
    let created_reply = app
        .post(
            &pilots_path(&s),
            Some(staff),
            &pilot_body(s.version, &[s.partner, s.school.org], -10),
        )
        .await;
    let created: Pilot = created_reply.json(StatusCode::CREATED);
    assert_eq!(etag_version(&created_reply), 1);
    assert_eq!(created.status, PilotStatus::Running);
    let sites: Vec<OrganisationId> = created.sites.iter().map(|site| site.org_id).collect();
    assert_eq!(sites, [s.school.org, s.partner], "the own school first");
    assert_eq!(
        created.sites.iter().map(|site| site.name.as_str()).collect::<Vec<_>>(),
        ["СОШ № 61", "СОШ № 12"]
    );
    assert_eq!((created.version_number, created.teachers, created.pupils), (1, 3, 52));

    let path = format!("/api/pilots/{}", created.id);
    let read = app.get(&path, Some(staff)).await;
    assert_eq!(etag_version(&read), 1);
    assert_eq!(read.json::<Pilot>(StatusCode::OK), created);
    let listed: Page<Pilot> = app.get(&pilots_path(&s), Some(staff)).await.json(StatusCode::OK);
    assert_eq!((listed.total, listed.items[0].id), (1, created.id));

    let mut change = pilot_body(s.version, &[s.school.org], -10);
    change["interim_results"] = json!("Учащиеся сами проверяют работы по критериям");
    app.send_if_match(Method::PUT, &path, Some(staff), None, Some(&change))
        .await
        .problem(StatusCode::PRECONDITION_REQUIRED, "precondition_required");
    app.send_if_match(Method::PUT, &path, Some(staff), Some("\"7\""), Some(&change))
        .await
        .problem(StatusCode::PRECONDITION_FAILED, "precondition_failed");
    assert_eq!(read_pilot(&app, staff, created.id).await, created, "nothing written");
    let changed: Pilot = app
        .send_if_match(Method::PUT, &path, Some(staff), Some("\"1\""), Some(&change))
        .await
        .json(StatusCode::OK);
    assert_eq!(changed.version, 2);
    assert_eq!(changed.sites.len(), 1, "the partner school left");
    assert_eq!(changed.interim_results, "Учащиеся сами проверяют работы по критериям");

    let evidence = app
        .send_raw(
            Method::POST,
            &format!("{path}/attachments?file_name=protocol.pdf"),
            Some(staff),
            "application/pdf",
            b"%PDF-1.7\n% protocol".to_vec(),
        )
        .await;
    assert_eq!(evidence.status, StatusCode::CREATED, "{}", evidence.body);
    assert_eq!(read_pilot(&app, staff, created.id).await.attachments.len(), 1);

    let conclude = format!("{path}/conclude");
    let missing = app
        .send_if_match(
            Method::POST,
            &conclude,
            Some(staff),
            Some("\"2\""),
            Some(&json!({"conclusion": "recommended"})),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(missing.errors[0].field, "final_results");
    let before = read_pilot(&app, staff, created.id).await;
    assert_eq!(before.status, PilotStatus::Running, "nothing written");
    let done: Pilot = app
        .send_if_match(
            Method::POST,
            &conclude,
            Some(staff),
            Some("\"2\""),
            Some(&json!({"conclusion": "revise", "final_results": "Мотивация выросла; задания 6 класса доработать"})),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (done.status, done.conclusion, done.concluded_on),
        (
            PilotStatus::Completed,
            Some(PilotConclusion::Revise),
            Some(chrono::Utc::now().date_naive())
        )
    );

    for reply in [
        app.put(&path, Some(staff), &change).await,
        app.post(&conclude, Some(staff), &json!({"conclusion": "recommended"}))
            .await,
        app.send_raw(
            Method::POST,
            &format!("{path}/attachments?file_name=late.pdf"),
            Some(staff),
            "application/pdf",
            b"%PDF-1.7\n% late".to_vec(),
        )
        .await,
    ] {
        let refused = reply.problem(StatusCode::CONFLICT, "conflict");
        assert_eq!(refused.reason.map(|r| r.as_str()), Some("pilot_concluded"));
    }
    assert_eq!(
        read_pilot(&app, staff, created.id).await,
        done,
        "a concluded pilot stays"
    );
}

#[tokio::test]
async fn an_invalid_pilot_is_refused_naming_each_field_and_nothing_is_recorded() {
    let app = spawn_app().await;
    let s = setting(&app).await;
    let staff = s.school.staff.as_str();
    let mut body = pilot_body(s.version, &[s.partner], 0);
    body["ends_on"] = json!(days_from_today(-1));
    body["teachers"] = json!(0);
    let refused = app
        .post(&pilots_path(&s), Some(staff), &body)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fields: Vec<&str> = refused.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["sites", "ends_on", "teachers"]);

    let other = HostSchool::create(&app, "Гимназия № 17").await;
    let foreign = other.version_with_file(&app, "product").await.id;
    let committee = TestOrg::committee("Комитет").create(&app);
    let refused = app
        .post(
            &pilots_path(&s),
            Some(staff),
            &pilot_body(foreign, &[s.school.org, committee], 0),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fields: Vec<&str> = refused.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["version_id", "sites[1]"]);
    let listed: Page<Pilot> = app.get(&pilots_path(&s), Some(staff)).await.json(StatusCode::OK);
    assert_eq!(listed.total, 0);

    let planned: Pilot = app
        .post(
            &pilots_path(&s),
            Some(staff),
            &pilot_body(s.version, &[s.school.org], 5),
        )
        .await
        .json(StatusCode::CREATED);
    assert_eq!(planned.status, PilotStatus::Planned, "it starts in five days");
}

#[tokio::test]
async fn another_schools_teacher_sees_no_pilot_of_an_internal_resource_and_cannot_record_one() {
    let app = spawn_app().await;
    let s = setting(&app).await;
    let created: Pilot = app
        .post(
            &pilots_path(&s),
            Some(&s.school.staff),
            &pilot_body(s.version, &[s.school.org], 0),
        )
        .await
        .json(StatusCode::CREATED);
    let outsider = TestUser::new(s.partner, &[Role::Staff, Role::Admin])
        .create(&app)
        .token(&app)
        .await;
    app.get(&format!("/api/pilots/{}", created.id), Some(&outsider))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    app.post(
        &pilots_path(&s),
        Some(&outsider),
        &pilot_body(s.version, &[s.partner], 0),
    )
    .await
    .problem(StatusCode::NOT_FOUND, "not_found");
    let supervisor = TestUser::new(s.school.org, &[Role::Supervisor])
        .create(&app)
        .token(&app)
        .await;
    assert_eq!(read_pilot(&app, &supervisor, created.id).await, created);
    app.put(
        &format!("/api/pilots/{}", created.id),
        Some(&supervisor),
        &pilot_body(s.version, &[s.school.org], 1),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(read_pilot(&app, &supervisor, created.id).await, created);
}

fn risk_body(title: &str, likelihood: u8, impact: u8, owner: i64) -> Value {
    json!({
        "title": title,
        "category": "staffing",
        "likelihood": likelihood,
        "impact": impact,
        "mitigation": "Распределить темы между членами творческой группы",
        "owner_id": owner
    })
}

#[tokio::test]
async fn risks_are_scored_by_the_server_sorted_by_score_filtered_by_status_and_their_changes_kept() {
    let app = spawn_app().await;
    let s = setting(&app).await;
    let staff = s.school.staff.as_str();
    let teacher = TestUser::new(s.school.org, &[Role::Staff])
        .named("Кузнецова Ольга Сергеевна")
        .create(&app);
    let path = format!("/api/projects/{}/risks", s.school.project.id);
    let mut body = risk_body("Перегрузка учителей", 5, 4, teacher.id.0);
    body["score"] = json!(1);
    let first: Risk = app.post(&path, Some(staff), &body).await.json(StatusCode::CREATED);
    assert_eq!(
        (first.score, first.status, first.owner_name.as_str()),
        (20, RiskStatus::Open, "Кузнецова Ольга Сергеевна")
    );
    let low: Risk = app
        .post(
            &path,
            Some(staff),
            &risk_body("Нет бумаги для листов", 1, 2, teacher.id.0),
        )
        .await
        .json(StatusCode::CREATED);
    let tie: Risk = app
        .post(
            &path,
            Some(staff),
            &risk_body("Уход учителя группы", 4, 5, teacher.id.0),
        )
        .await
        .json(StatusCode::CREATED);
    let register: Page<Risk> = app.get(&path, Some(staff)).await.json(StatusCode::OK);
    let order: Vec<(u8, i64)> = register.items.iter().map(|r| (r.score, r.id)).collect();
    assert_eq!(order, [(20, first.id), (20, tie.id), (2, low.id)]);

    let bad = app
        .post(&path, Some(staff), &risk_body("Перегрузка", 6, 0, teacher.id.0))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fields: Vec<&str> = bad.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["likelihood", "impact"]);
    let stranger = TestUser::new(s.partner, &[Role::Staff]).create(&app);
    let bad = app
        .post(
            &path,
            Some(staff),
            &risk_body("Перегрузка учителей", 2, 2, stranger.id.0),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(bad.errors[0].field, "owner_id");

    let risk_path = format!("/api/risks/{}", first.id);
    let mut change = risk_body("Перегрузка учителей", 2, 4, teacher.id.0);
    change["status"] = json!("mitigated");
    change["note"] = json!("Темы распределены");
    app.send_if_match(Method::PUT, &risk_path, Some(staff), None, Some(&change))
        .await
        .problem(StatusCode::PRECONDITION_REQUIRED, "precondition_required");
    app.send_if_match(Method::PUT, &risk_path, Some(staff), Some("\"2\""), Some(&change))
        .await
        .problem(StatusCode::PRECONDITION_FAILED, "precondition_failed");
    let unchanged: Risk = app.get(&risk_path, Some(staff)).await.json(StatusCode::OK);
    assert_eq!(unchanged, first, "nothing written");
    let changed: Risk = app
        .send_if_match(Method::PUT, &risk_path, Some(staff), Some("\"1\""), Some(&change))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (changed.score, changed.status, changed.version),
        (8, RiskStatus::Mitigated, 2)
    );

    let history: Page<RiskChange> = app
        .get(&format!("{risk_path}/history"), Some(staff))
        .await
        .json(StatusCode::OK);
    let seen: Vec<(RiskField, Option<&str>, Option<&str>)> = history
        .items
        .iter()
        .map(|c| (c.field, c.from.as_deref(), c.to.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            (RiskField::Status, Some("open"), Some("mitigated")),
            (RiskField::Likelihood, Some("5"), Some("2"))
        ]
    );
    assert!(
        history
            .items
            .iter()
            .all(|c| c.note.as_deref() == Some("Темы распределены"))
    );
    assert!(
        history
            .items
            .iter()
            .all(|c| c.actor_name.as_deref() == Some("Тестовый Пользователь admin-staff"))
    );

    let mitigated: Page<Risk> = app
        .get(&format!("{path}?status=mitigated"), Some(staff))
        .await
        .json(StatusCode::OK);
    assert_eq!(mitigated.items.iter().map(|r| r.id).collect::<Vec<_>>(), [first.id]);
    let open: Page<Risk> = app
        .get(&format!("{path}?status=open"), Some(staff))
        .await
        .json(StatusCode::OK);
    assert_eq!(open.items.iter().map(|r| r.id).collect::<Vec<_>>(), [tie.id, low.id]);
}

#[tokio::test]
async fn a_pilots_register_holds_its_own_risks() {
    let app = spawn_app().await;
    let s = setting(&app).await;
    let staff = s.school.staff.as_str();
    let pilot: Pilot = app
        .post(
            &pilots_path(&s),
            Some(staff),
            &pilot_body(s.version, &[s.school.org], 0),
        )
        .await
        .json(StatusCode::CREATED);
    let teacher = TestUser::new(s.school.org, &[Role::Staff]).create(&app);
    let path = format!("/api/pilots/{}/risks", pilot.id);
    let risk: Risk = app
        .post(
            &path,
            Some(staff),
            &risk_body("Сбои цифровой платформы", 2, 3, teacher.id.0),
        )
        .await
        .json(StatusCode::CREATED);
    assert_eq!((risk.pilot_id.map(|p| p.0), risk.project_id), (Some(pilot.id), None));
    let register: Page<Risk> = app.get(&path, Some(staff)).await.json(StatusCode::OK);
    assert_eq!(register.items, vec![risk]);
    let project: Page<Risk> = app
        .get(&format!("/api/projects/{}/risks", s.school.project.id), Some(staff))
        .await
        .json(StatusCode::OK);
    assert_eq!(project.total, 0, "a pilot's risk is not the project's");
}

#[tokio::test]
async fn an_overdue_review_is_among_its_owners_reminders_only_until_the_risk_is_closed() {
    let app = spawn_app().await;
    let s = setting(&app).await;
    let teacher = TestUser::new(s.school.org, &[Role::Staff]).create(&app);
    let teacher_token = teacher.token(&app).await;
    let mut body = risk_body("Перегрузка учителей", 3, 3, teacher.id.0);
    body["next_review_on"] = json!(days_from_today(-2));
    let risk: Risk = app
        .post(
            &format!("/api/projects/{}/risks", s.school.project.id),
            Some(&s.school.staff),
            &body,
        )
        .await
        .json(StatusCode::CREATED);
    assert!(risk.review_overdue);

    let reminders: Vec<Reminder> = app
        .get("/api/me/reminders", Some(&teacher_token))
        .await
        .json(StatusCode::OK);
    assert_eq!(reminders.len(), 1);
    let reminder = &reminders[0];
    assert_eq!(
        (
            reminder.kind,
            reminder.days_left,
            reminder.project_id,
            reminder.title.as_str()
        ),
        (
            ReminderKind::RiskReview,
            -2,
            Some(s.school.project.id),
            "Перегрузка учителей"
        )
    );
    assert_eq!(reminder.risk.as_ref().map(|r| r.id), Some(risk.id));
    assert!(reminder.item.is_none());
    let others: Vec<Reminder> = app
        .get("/api/me/reminders", Some(&s.school.staff))
        .await
        .json(StatusCode::OK);
    assert!(others.is_empty(), "the author does not own it");

    body["status"] = json!("closed");
    app.put(&format!("/api/risks/{}", risk.id), Some(&s.school.staff), &body)
        .await
        .json::<Risk>(StatusCode::OK);
    let reminders: Vec<Reminder> = app
        .get("/api/me/reminders", Some(&teacher_token))
        .await
        .json(StatusCode::OK);
    assert!(reminders.is_empty(), "a closed risk needs no review");
}
