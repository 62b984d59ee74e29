use openapi::auth::TokenPair;
use openapi::users::{PasswordReset, Role, User};
use openapi::{FieldErrorCode, Page};
use reqwest::StatusCode;
use serde_json::json;
use tests::fixtures::{PASSWORD, TestOrg, TestUser};
use tests::{TestApp, spawn_app};

struct School {
    id: i64,
    admin_id: i64,
    token: String,
}

async fn school_with_admin(app: &TestApp) -> School {
    let school = TestOrg::school("СОШ № 61").create(app);
    let admin = TestUser::new(school, &[Role::Admin]).named("Петрова Елена").create(app);
    School {
        id: school.0,
        admin_id: admin.id.0,
        token: admin.token(app).await,
    }
}

#[tokio::test]
async fn an_admin_creates_an_account_that_can_sign_in_and_a_duplicate_email_is_409() {
    let app = spawn_app().await;
    let school = school_with_admin(&app).await;
    let path = format!("/api/organisations/{}/users", school.id);
    let body = json!({"email": "New.Teacher@Sch61.ru", "full_name": "Кузнецова Ольга", "roles": ["staff", "council", "staff"], "password": "first-password"});
    let user: User = app
        .post(&path, Some(&school.token), &body)
        .await
        .json(StatusCode::CREATED);
    assert_eq!(user.email, "new.teacher@sch61.ru");
    assert_eq!(user.roles, vec![Role::Council, Role::Staff]);
    assert!(user.is_active);
    app.login("new.teacher@sch61.ru", "first-password").await;

    let trail: openapi::Page<openapi::audit::AuditEntry> = app
        .get(
            &format!("/api/audit?entity=user&entity_id={}", user.id),
            Some(&school.token),
        )
        .await
        .json(StatusCode::OK);
    let actions: Vec<&str> = trail.items.iter().map(|entry| entry.action.as_str()).collect();
    assert_eq!(actions, ["sign_in", "create"]);

    let again = app.post(&path, Some(&school.token), &body).await;
    let problem = again.problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        (problem.errors[0].field.as_str(), problem.errors[0].code),
        ("email", FieldErrorCode::Taken)
    );
    let accounts: openapi::Page<User> = app.get(&path, Some(&school.token)).await.json(StatusCode::OK);
    assert_eq!(
        accounts
            .items
            .iter()
            .filter(|u| u.email == "new.teacher@sch61.ru")
            .count(),
        1,
        "the refused second account was created"
    );
}

#[tokio::test]
async fn a_school_cannot_hold_committee_accounts() {
    let app = spawn_app().await;
    let school = school_with_admin(&app).await;
    let body = json!({"email": "c@sch61.ru", "full_name": "Кто-то Такой", "roles": ["committee"], "password": "first-password"});
    let problem = app
        .post(
            &format!("/api/organisations/{}/users", school.id),
            Some(&school.token),
            &body,
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        (problem.errors[0].field.as_str(), problem.errors[0].code),
        ("roles", FieldErrorCode::NotAllowed)
    );
}

#[tokio::test]
async fn the_user_list_searches_names_in_cyrillic_filters_and_paginates() {
    let app = spawn_app().await;
    let school = school_with_admin(&app).await;
    let org = openapi::OrganisationId(school.id);
    TestUser::new(org, &[Role::Staff]).named("Иванова Мария").create(&app);
    TestUser::new(org, &[Role::Council]).named("Иванов Пётр").create(&app);
    TestUser::new(org, &[Role::Staff])
        .named("Сидоров Олег")
        .inactive()
        .create(&app);
    let other = TestOrg::school("Чужая школа").create(&app);
    TestUser::new(other, &[Role::Staff]).named("Иванов Чужой").create(&app);

    let list = |query: &str| format!("/api/organisations/{}/users?{query}", school.id);
    let all: Page<User> = app.get(&list(""), Some(&school.token)).await.json(StatusCode::OK);
    assert_eq!(all.total, 4, "only this school's accounts");
    let names: Vec<&str> = all.items.iter().map(|u| u.full_name.as_str()).collect();
    assert_eq!(names, ["Иванов Пётр", "Иванова Мария", "Петрова Елена", "Сидоров Олег"]);

    let ivan: Page<User> = app
        .get(&list("q=%D0%98%D0%92%D0%90%D0%9D"), Some(&school.token))
        .await
        .json(StatusCode::OK);
    assert_eq!(ivan.total, 2);
    let council: Page<User> = app
        .get(&list("role=council"), Some(&school.token))
        .await
        .json(StatusCode::OK);
    assert_eq!(council.items[0].full_name, "Иванов Пётр");
    let inactive: Page<User> = app
        .get(&list("active=false"), Some(&school.token))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        inactive.items.iter().map(|u| u.full_name.as_str()).collect::<Vec<_>>(),
        ["Сидоров Олег"]
    );
    let second: Page<User> = app
        .get(&list("per_page=3&page=2"), Some(&school.token))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (second.items.len(), second.items[0].full_name.as_str()),
        (1, "Сидоров Олег")
    );
}

#[tokio::test]
async fn deactivation_signs_the_user_out_and_reactivation_lets_them_back() {
    let app = spawn_app().await;
    let school = school_with_admin(&app).await;
    let teacher = TestUser::new(openapi::OrganisationId(school.id), &[Role::Staff]).create(&app);
    let session = app.login(&teacher.email, PASSWORD).await;
    let path = format!("/api/users/{}", teacher.id);
    let user: User = app
        .patch(&path, Some(&school.token), &json!({"is_active": false}))
        .await
        .json(StatusCode::OK);
    assert!(!user.is_active);
    app.post(
        "/api/auth/refresh",
        None,
        &json!({"refresh_token": session.refresh_token}),
    )
    .await
    .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
    app.post(
        "/api/auth/login",
        None,
        &json!({"email": teacher.email, "password": PASSWORD}),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "account_disabled");
    app.patch(&path, Some(&school.token), &json!({"is_active": true}))
        .await
        .json::<User>(StatusCode::OK);
    app.login(&teacher.email, PASSWORD).await;
}

#[tokio::test]
async fn an_admin_changes_names_and_roles_but_cannot_lock_themselves_out() {
    let app = spawn_app().await;
    let school = school_with_admin(&app).await;
    let teacher = TestUser::new(openapi::OrganisationId(school.id), &[Role::Staff]).create(&app);
    let changed: User = app
        .patch(
            &format!("/api/users/{}", teacher.id),
            Some(&school.token),
            &json!({"full_name": "Новое Имя", "roles": ["supervisor"]}),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (changed.full_name.as_str(), changed.roles.as_slice()),
        ("Новое Имя", &[Role::Supervisor][..])
    );

    let own = format!("/api/users/{}", school.admin_id);
    let problem = app
        .patch(&own, Some(&school.token), &json!({"is_active": false}))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(problem.errors[0].field, "is_active");
    let problem = app
        .patch(
            &own,
            Some(&school.token),
            &json!({"roles": ["staff"], "full_name": "Другое Имя"}),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(problem.errors[0].field, "roles");
    let me: User = app.get(&own, Some(&school.token)).await.json(StatusCode::OK);
    assert_eq!(
        (me.full_name.as_str(), me.roles.as_slice()),
        ("Петрова Елена", &[Role::Admin][..]),
        "a refused change writes nothing"
    );
}

#[tokio::test]
async fn a_password_reset_replaces_the_password_and_ends_sessions() {
    let app = spawn_app().await;
    let school = school_with_admin(&app).await;
    let teacher = TestUser::new(openapi::OrganisationId(school.id), &[Role::Staff]).create(&app);
    let session = app.login(&teacher.email, PASSWORD).await;
    let reset: PasswordReset = app
        .send(
            reqwest::Method::POST,
            &format!("/api/users/{}/password-reset", teacher.id),
            Some(&school.token),
            None,
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(reset.temporary_password.chars().count(), 14);
    app.post(
        "/api/auth/login",
        None,
        &json!({"email": teacher.email, "password": PASSWORD}),
    )
    .await
    .problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    app.post(
        "/api/auth/refresh",
        None,
        &json!({"refresh_token": session.refresh_token}),
    )
    .await
    .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
    let pair: TokenPair = app.login(&teacher.email, &reset.temporary_password).await;
    assert_eq!(pair.user.id, teacher.id);
}

#[tokio::test]
async fn a_user_reads_their_own_account_but_not_a_colleagues() {
    let app = spawn_app().await;
    let school = TestOrg::school("СОШ № 9").create(&app);
    let teacher = TestUser::new(school, &[Role::Staff]).create(&app);
    let colleague = TestUser::new(school, &[Role::Staff]).create(&app);
    let token = teacher.token(&app).await;
    let before: User = app
        .get(&format!("/api/users/{}", teacher.id), Some(&token))
        .await
        .json(StatusCode::OK);
    app.get(&format!("/api/users/{}", colleague.id), Some(&token))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    app.patch(
        &format!("/api/users/{}", teacher.id),
        Some(&token),
        &json!({"roles": ["admin"]}),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "forbidden");
    let reread: User = app
        .get(&format!("/api/users/{}", teacher.id), Some(&token))
        .await
        .json(StatusCode::OK);
    assert_eq!(reread.roles, [Role::Staff], "the refused PATCH changed the roles");
    assert_eq!(reread, before, "the refused PATCH wrote");
}
