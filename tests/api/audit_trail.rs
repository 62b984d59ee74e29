//! The audit trail records who signed in and out, failed sign-ins, password changes and
//! resets, and profile changes; and it cannot be altered.

use diesel::RunQueryDsl;
use openapi::Page;
use openapi::audit::AuditEntry;
use openapi::auth::TokenPair;
use openapi::users::Role;
use reqwest::StatusCode;
use serde_json::json;
use tests::fixtures::{PASSWORD, TestOrg, TestUser};
use tests::spawn_app;

#[tokio::test]
async fn sign_in_out_failures_password_and_profile_changes_are_audited() {
    let app = spawn_app().await;
    let school = TestOrg::school("СОШ № 5").create(&app);
    let admin = TestUser::new(school, &[Role::Admin]).create(&app).token(&app).await;
    let user = TestUser::new(school, &[Role::Staff]).create(&app);

    app.post(
        "/api/auth/login",
        None,
        &json!({"email": user.email, "password": "not-the-password"}),
    )
    .await
    .problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    let session = app.login(&user.email, PASSWORD).await;
    app.patch(
        "/api/me",
        Some(&session.access_token),
        &json!({"full_name": "Петрова Анна Сергеевна"}),
    )
    .await
    .json::<openapi::users::Me>(StatusCode::OK);
    let changed: TokenPair = app
        .post(
            "/api/me/password",
            Some(&session.access_token),
            &json!({"current_password": PASSWORD, "new_password": "a-new-long-password", "refresh_token_in_body": true}),
        )
        .await
        .json(StatusCode::OK);
    let reply = app
        .post(
            "/api/auth/logout",
            None,
            &json!({"refresh_token": changed.refresh_token}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    app.post(
        &format!("/api/users/{}/password-reset", user.id),
        Some(&admin),
        &json!({}),
    )
    .await
    .json::<serde_json::Value>(StatusCode::OK);

    let trail: Page<AuditEntry> = app
        .get(
            &format!("/api/audit?entity=user&entity_id={}&per_page=100", user.id),
            Some(&admin),
        )
        .await
        .json(StatusCode::OK);
    let mut actions: Vec<&str> = trail.items.iter().map(|entry| entry.action.as_str()).collect();
    actions.reverse();
    assert_eq!(
        actions,
        [
            "sign_in_failed",
            "sign_in",
            "update",
            "password_change",
            "sign_out",
            "password_reset"
        ]
    );
    let entry = |action: &str| trail.items.iter().find(|entry| entry.action == action).unwrap();
    let failed = entry("sign_in_failed");
    assert_eq!(failed.actor_id, None);
    assert_eq!(failed.after.as_ref().unwrap()["reason"], "wrong_password");
    assert_eq!(failed.after.as_ref().unwrap()["address"], "127.0.0.1");
    assert_eq!(entry("sign_in").actor_id, Some(user.id));
    let update = entry("update");
    assert_ne!(update.before.as_ref().unwrap()["full_name"], "Петрова Анна Сергеевна");
    assert_eq!(update.after.as_ref().unwrap()["full_name"], "Петрова Анна Сергеевна");
    let body = serde_json::to_string(&trail.items).unwrap();
    assert!(!body.contains("argon2"), "no password hash in the trail");
}

#[tokio::test]
async fn the_audit_log_refuses_updates_and_deletes() {
    let app = spawn_app().await;
    let school = TestOrg::school("СОШ № 6").create(&app);
    let user = TestUser::new(school, &[Role::Staff]).create(&app);
    app.login(&user.email, PASSWORD).await;
    let count = |app: &tests::TestApp| {
        app.with_db(|conn| {
            use backend::db::schema::audit_log;
            use diesel::prelude::*;
            audit_log::table.count().get_result::<i64>(conn).unwrap()
        })
    };
    let before = count(&app);
    assert!(before > 0);
    let update = app.with_db(|conn| diesel::sql_query("UPDATE audit_log SET action = 'forged'").execute(conn));
    let err = update.expect_err("an UPDATE of audit_log must fail");
    assert!(err.to_string().contains("append-only"), "{err}");
    let delete = app.with_db(|conn| diesel::sql_query("DELETE FROM audit_log").execute(conn));
    assert!(
        delete
            .expect_err("a DELETE must fail")
            .to_string()
            .contains("append-only")
    );
    if tests::Database::selected() == tests::Database::Postgres {
        let truncate = app.with_db(|conn| diesel::sql_query("TRUNCATE audit_log").execute(conn));
        assert!(
            truncate
                .expect_err("a TRUNCATE must fail")
                .to_string()
                .contains("append-only")
        );
    }
    assert_eq!(count(&app), before);
    let forged = app.with_db(|conn| {
        use backend::db::schema::audit_log;
        use diesel::prelude::*;
        audit_log::table
            .filter(audit_log::action.eq("forged"))
            .count()
            .get_result::<i64>(conn)
            .unwrap()
    });
    assert_eq!(forged, 0);
}
