use openapi::Page;
use openapi::projects::{Project, ProjectLevel, ProjectStatus};
use openapi::users::Role;
use reqwest::StatusCode;
use serde_json::json;
use tests::fixtures::{TestOrg, TestUser, project_body};
use tests::spawn_app;

#[tokio::test]
async fn the_council_registers_a_project_that_starts_as_a_draft_and_updates_it() {
    let app = spawn_app().await;
    let school = TestOrg::school("СОШ № 61").create(&app);
    let token = TestUser::new(school, &[Role::Council]).create(&app).token(&app).await;
    let created: Project = app
        .post("/api/projects", Some(&token), &project_body("Формирующее оценивание"))
        .await
        .json(StatusCode::CREATED);
    assert_eq!(
        (created.org_id, created.status, created.org_short_name.as_str()),
        (school, ProjectStatus::Draft, "СОШ № 61")
    );

    let mut body = project_body("Формирующее оценивание в 5–9 классах");
    body["status"] = json!("active");
    let updated: Project = app
        .send(
            reqwest::Method::PUT,
            &format!("/api/projects/{}", created.id),
            Some(&token),
            Some(&body),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (updated.title.as_str(), updated.status),
        ("Формирующее оценивание в 5–9 классах", ProjectStatus::Active)
    );
    let fetched: Project = app
        .get(&format!("/api/projects/{}", created.id), Some(&token))
        .await
        .json(StatusCode::OK);
    assert_eq!(fetched, updated);
}

#[tokio::test]
async fn a_laboratory_takes_its_supervisor_from_the_schools_accounts() {
    let app = spawn_app().await;
    let school = TestOrg::school("СОШ № 61").create(&app);
    let other = TestOrg::school("СОШ № 12").create(&app);
    let token = TestUser::new(school, &[Role::Admin]).create(&app).token(&app).await;
    let supervisor = TestUser::new(school, &[Role::Supervisor])
        .named("Волков Дмитрий Николаевич")
        .create(&app);
    let teacher = TestUser::new(school, &[Role::Staff]).create(&app);
    let stranger = TestUser::new(other, &[Role::Supervisor]).create(&app);
    let lab = |supervisor_id: i64| {
        let mut body = project_body("Школа-лаборатория");
        body["level"] = json!("laboratory");
        body["platform_status"] = json!(null);
        body["supervisor_id"] = json!(supervisor_id);
        body
    };
    let project: Project = app
        .post("/api/projects", Some(&token), &lab(supervisor.id.0))
        .await
        .json(StatusCode::CREATED);
    assert_eq!(
        (project.level, project.supervisor_name.as_deref()),
        (ProjectLevel::Laboratory, Some("Волков Дмитрий Николаевич"))
    );
    for wrong in [teacher.id.0, stranger.id.0, 999_999] {
        let problem = app
            .post("/api/projects", Some(&token), &lab(wrong))
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(problem.errors[0].field, "supervisor_id");
    }
}

#[tokio::test]
async fn a_competitive_assignment_names_a_committee_as_its_customer() {
    let app = spawn_app().await;
    let school = TestOrg::school("СОШ № 61").create(&app);
    let committee = TestOrg::committee("Комитет").create(&app);
    let token = TestUser::new(school, &[Role::Admin]).create(&app).token(&app).await;
    let mut body = project_body("Конкурсное задание");
    body["origin"] = json!("competitive");
    body["competition"] = json!("Муниципальный конкурс инновационных площадок 2025");
    body["customer_org_id"] = json!(school.0);
    let problem = app
        .post("/api/projects", Some(&token), &body)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(problem.errors[0].field, "customer_org_id");
    body["customer_org_id"] = json!(committee.0);
    let project: Project = app
        .post("/api/projects", Some(&token), &body)
        .await
        .json(StatusCode::CREATED);
    assert_eq!(project.customer_org_id, Some(committee));
}

#[tokio::test]
async fn projects_are_visible_to_their_school_and_the_committee_only_and_writable_by_admin_and_council() {
    let app = spawn_app().await;
    let school = TestOrg::school("СОШ № 61").create(&app);
    let other = TestOrg::school("СОШ № 12").create(&app);
    let committee = TestOrg::committee("Комитет").create(&app);
    let council = TestUser::new(school, &[Role::Council]).create(&app).token(&app).await;
    let created: Project = app
        .post("/api/projects", Some(&council), &project_body("Проект школы 61"))
        .await
        .json(StatusCode::CREATED);
    let path = format!("/api/projects/{}", created.id);
    let before = app
        .with_db(|conn| backend::db::models::project::load(conn, created.id))
        .unwrap();

    let cases = [
        (
            TestUser::new(school, &[Role::Staff]),
            StatusCode::OK,
            StatusCode::FORBIDDEN,
            StatusCode::FORBIDDEN,
        ),
        (
            TestUser::new(school, &[Role::Supervisor]),
            StatusCode::OK,
            StatusCode::FORBIDDEN,
            StatusCode::FORBIDDEN,
        ),
        (
            TestUser::new(school, &[Role::Partner]),
            StatusCode::NOT_FOUND,
            StatusCode::NOT_FOUND,
            StatusCode::FORBIDDEN,
        ),
        (
            TestUser::new(other, &[Role::Admin]),
            StatusCode::NOT_FOUND,
            StatusCode::NOT_FOUND,
            StatusCode::CREATED,
        ),
        (
            TestUser::new(committee, &[Role::Committee]),
            StatusCode::OK,
            StatusCode::FORBIDDEN,
            StatusCode::FORBIDDEN,
        ),
    ];
    for (user, read, write, create) in cases {
        let token = user.create(&app).token(&app).await;
        assert_eq!(app.get(&path, Some(&token)).await.status, read);
        let reply = app
            .send(
                reqwest::Method::PUT,
                &path,
                Some(&token),
                Some(&project_body("Чужая правка")),
            )
            .await;
        assert_eq!(reply.status, write, "{}", reply.body);
        assert_eq!(
            app.post("/api/projects", Some(&token), &project_body("Новый проект"))
                .await
                .status,
            create
        );
    }
    let after = app
        .with_db(|conn| backend::db::models::project::load(conn, created.id))
        .unwrap();
    assert_eq!(after, before, "refused writes change nothing");
}

#[tokio::test]
async fn the_committee_lists_every_school_and_a_school_only_its_own() {
    let app = spawn_app().await;
    let a = TestOrg::school("Школа А").create(&app);
    let b = TestOrg::school("Школа Б").create(&app);
    let committee = TestOrg::committee("Комитет").create(&app);
    let admin_a = TestUser::new(a, &[Role::Admin]).create(&app).token(&app).await;
    let admin_b = TestUser::new(b, &[Role::Admin]).create(&app).token(&app).await;
    for n in 0..3 {
        app.post("/api/projects", Some(&admin_a), &project_body(&format!("Проект А-{n}")))
            .await
            .json::<Project>(StatusCode::CREATED);
    }
    let mut lab = project_body("Проект Б лаборатория");
    lab["level"] = json!("laboratory");
    lab["platform_status"] = json!(null);
    lab["supervisor_name"] = json!("Петров П. П., НФИ КемГУ");
    lab["start_year"] = json!(2027);
    lab["end_year"] = json!(2028);
    app.post("/api/projects", Some(&admin_b), &lab)
        .await
        .json::<Project>(StatusCode::CREATED);

    let reader = TestUser::new(committee, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    let all: Page<Project> = app.get("/api/projects", Some(&reader)).await.json(StatusCode::OK);
    assert_eq!(all.total, 4);
    let labs: Page<Project> = app
        .get("/api/projects?level=laboratory", Some(&reader))
        .await
        .json(StatusCode::OK);
    assert_eq!(labs.items[0].org_id, b);
    let year: Page<Project> = app
        .get("/api/projects?school_year=2026", Some(&reader))
        .await
        .json(StatusCode::OK);
    assert_eq!(year.total, 3);
    let search: Page<Project> = app
        .get("/api/projects?q=%D0%9B%D0%90%D0%91%D0%9E%D0%A0", Some(&reader))
        .await
        .json(StatusCode::OK);
    assert_eq!(search.total, 1);

    let own: Page<Project> = app.get("/api/projects", Some(&admin_a)).await.json(StatusCode::OK);
    assert_eq!(own.total, 3);
    app.get(&format!("/api/projects?org_id={}", b.0), Some(&admin_a))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
}
