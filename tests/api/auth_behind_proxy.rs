//! The per-client limits and the sign-in lock-out behind a reverse proxy: with the proxy
//! listed in `TRUSTED_PROXIES` each client behind it counts on its own; without it, a
//! forwarded header is the client's own word and changes nothing.

use crate::auth::{attempts_of, client_from, sign_in_with, staff};
use reqwest::StatusCode;
use tests::fixtures::PASSWORD;
use tests::{TestApp, spawn_app, spawn_app_with};

/// The application behind a proxy at 127.0.0.1, where the test client connects from.
async fn spawn_behind_proxy() -> TestApp {
    spawn_app_with(|settings| settings.trusted_proxies = "127.0.0.1/32".parse().unwrap()).await
}

/// The headers of a request the proxy forwards for `client`.
fn forwarded_for(client: &str) -> [(&str, &str); 1] {
    [("x-forwarded-for", client)]
}

/// Five wrong passwords for `email` sent with `headers` from `client`, each refused as
/// wrong: the sixth attempt from the same client waits.
async fn fail_five_times(app: &TestApp, client: &reqwest::Client, headers: &[(&str, &str)], email: &str) {
    for _ in 0..5 {
        let (status, _) = sign_in_with(app, client, headers, email, "wrong-password").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
}

/// The `after_json` of the account's successful sign-ins in the audit trail.
fn sign_in_notes(app: &TestApp, user: openapi::UserId) -> Vec<String> {
    use backend::db::schema::audit_log;
    use diesel::prelude::*;
    app.with_db(|conn| {
        audit_log::table
            .filter(audit_log::entity_id.eq(user.0))
            .filter(audit_log::action.eq("sign_in"))
            .select(audit_log::after_json.assume_not_null())
            .load(conn)
    })
    .unwrap()
}

#[tokio::test]
async fn behind_a_trusted_proxy_a_locked_out_client_does_not_lock_out_the_others() {
    let app = spawn_behind_proxy().await;
    let user = staff(&app).await;
    let attacker = forwarded_for("203.0.113.7");
    fail_five_times(&app, &app.client, &attacker, &user.email).await;
    let (status, retry_after) = sign_in_with(&app, &app.client, &attacker, &user.email, "wrong-password").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        retry_after.is_some_and(|seconds| (1..=30).contains(&seconds)),
        "{retry_after:?}"
    );

    // The real user, behind the same proxy, signs in; the audit trail names their address.
    let (status, _) = sign_in_with(&app, &app.client, &forwarded_for("198.51.100.9"), &user.email, PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    let notes = sign_in_notes(&app, user.id);
    assert!(notes.len() == 1 && notes[0].contains("\"198.51.100.9\""), "{notes:?}");
    // So does another one through the standard header.
    let other = [("forwarded", r#"for="[2001:db8::1]:4711";proto=https"#)];
    let (status, _) = sign_in_with(&app, &app.client, &other, &user.email, PASSWORD).await;
    assert_eq!(status, StatusCode::OK);

    // The attacker still waits, even with the right password, and cannot step aside by
    // naming another client in front of the proxy's hop.
    let (status, _) = sign_in_with(&app, &app.client, &attacker, &user.email, PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "even the right password waits");
    let prepended = forwarded_for("198.51.100.9, 203.0.113.7");
    let (status, _) = sign_in_with(&app, &app.client, &prepended, &user.email, PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(attempts_of(&app, &user.email, "203.0.113.7"), 8);
    assert_eq!(
        attempts_of(&app, &user.email, "127.0.0.1"),
        0,
        "the proxy is nobody's address"
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_budget_of_failures() {
    let app = spawn_behind_proxy().await;
    let flood = forwarded_for("203.0.113.7");
    for n in 0..20 {
        let (status, _) = sign_in_with(&app, &app.client, &flood, &format!("random-{n}@nowhere.test"), "guess").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, _) = sign_in_with(&app, &app.client, &flood, "random-x@nowhere.test", "guess").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let (status, _) = sign_in_with(
        &app,
        &app.client,
        &forwarded_for("198.51.100.9"),
        "random-y@nowhere.test",
        "guess",
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "another client is still checked");
}

#[tokio::test]
async fn without_trusted_proxies_a_forwarded_header_does_not_escape_the_lock_out() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    fail_five_times(&app, &app.client, &forwarded_for("203.0.113.7"), &user.email).await;
    for spoofed in [&forwarded_for("198.51.100.9")[..], &[("forwarded", "for=198.51.100.9")]] {
        let (status, _) = sign_in_with(&app, &app.client, spoofed, &user.email, PASSWORD).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{spoofed:?}");
    }
    assert_eq!(attempts_of(&app, &user.email, "127.0.0.1"), 7);
    assert_eq!(attempts_of(&app, &user.email, "203.0.113.7"), 0);
}

#[tokio::test]
async fn a_peer_that_is_not_a_listed_proxy_cannot_name_its_client() {
    let app = spawn_behind_proxy().await;
    let user = staff(&app).await;
    let direct = client_from(61);
    fail_five_times(&app, &direct, &forwarded_for("203.0.113.7"), &user.email).await;
    let (status, _) = sign_in_with(&app, &direct, &forwarded_for("198.51.100.9"), &user.email, PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(attempts_of(&app, &user.email, "127.0.0.61"), 6);
}
