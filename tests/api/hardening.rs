//! Browser hardening and server limits: the refresh-token cookie, the security headers,
//! `no-store` on personal answers, the switchable API docs page, the body read deadline
//! and PostgreSQL's statement timeout.

use backend::http::security::{API_POLICY, APP_POLICY, DOCS_POLICY};
use openapi::auth::TokenPair;
use openapi::users::{Me, Role};
use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, COOKIE, SET_COOKIE};
use serde_json::json;
use std::io::{Read, Write};
use std::time::{Duration, Instant};
use tests::fixtures::{Account, PASSWORD, TestOrg, TestUser};
use tests::{Database, Reply, TestApp, read, spawn_app, spawn_app_with};

async fn teacher(app: &TestApp) -> Account {
    let school = TestOrg::school("СОШ № 5").create(app);
    TestUser::new(school, &[Role::Staff]).create(app)
}

/// The `Set-Cookie` of the refresh token in a reply.
fn set_cookie(reply: &Reply) -> String {
    let cookies: Vec<&str> = reply
        .headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .filter(|value| value.starts_with("refresh_token="))
        .collect();
    assert_eq!(cookies.len(), 1, "one refresh_token cookie: {cookies:?}");
    cookies[0].to_owned()
}

/// The value of the refresh-token cookie set by a reply.
pub(crate) fn cookie_value(reply: &Reply) -> String {
    let cookie = set_cookie(reply);
    let pair = cookie.split(';').next().unwrap();
    pair.trim_start_matches("refresh_token=").to_owned()
}

/// A sign-in as the web app makes it: the refresh token comes back in the cookie.
pub(crate) async fn browser_sign_in(app: &TestApp, email: &str) -> Reply {
    app.post("/api/auth/login", None, &json!({"email": email, "password": PASSWORD}))
        .await
}

/// `POST` of a JSON body with the refresh-token cookie, as the browser sends it.
pub(crate) async fn post_with_cookie(app: &TestApp, path: &str, token: &str) -> Reply {
    let response = app
        .client
        .post(format!("{}{path}", app.address))
        .header(COOKIE, format!("refresh_token={token}"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    read(response).await
}

#[tokio::test]
async fn a_browser_sign_in_puts_the_refresh_token_in_an_http_only_strict_cookie_only() {
    let app = spawn_app().await;
    let user = teacher(&app).await;
    let reply = browser_sign_in(&app, &user.email).await;
    let pair: TokenPair = reply.json(StatusCode::OK);
    assert_eq!(pair.refresh_token, None, "not in the body");
    assert!(!reply.body.contains("refresh_token\""), "{}", reply.body);
    let cookie = set_cookie(&reply);
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/api/auth", "Max-Age="] {
        assert!(cookie.contains(attribute), "{attribute} in {cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain HTTP without a proxy: {cookie}");
    assert_eq!(reply.headers[CACHE_CONTROL], "no-store");
    app.get("/api/me", Some(&pair.access_token))
        .await
        .json::<Me>(StatusCode::OK);
}

#[tokio::test]
async fn behind_an_https_proxy_the_cookie_is_secure() {
    let app = spawn_app().await;
    let user = teacher(&app).await;
    let response = app
        .client
        .post(format!("{}/api/auth/login", app.address))
        .header("x-forwarded-proto", "https")
        .json(&json!({"email": user.email, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    let reply = read(response).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(set_cookie(&reply).contains("Secure"));
}

#[tokio::test]
async fn the_cookie_refreshes_and_rotates_and_sign_out_clears_it() {
    let app = spawn_app().await;
    let user = teacher(&app).await;
    let login = browser_sign_in(&app, &user.email).await;
    assert_eq!(login.status, StatusCode::OK);
    let first = cookie_value(&login);

    // A reload: the web app sends `{}` and the cookie, and gets a new access token.
    let refreshed = post_with_cookie(&app, "/api/auth/refresh", &first).await;
    let pair: TokenPair = refreshed.json(StatusCode::OK);
    assert_eq!(pair.refresh_token, None, "the successor goes back in the cookie");
    assert_eq!(refreshed.headers[CACHE_CONTROL], "no-store");
    let second = cookie_value(&refreshed);
    assert_ne!(second, first);
    app.get("/api/me", Some(&pair.access_token))
        .await
        .json::<Me>(StatusCode::OK);

    // Sign-out revokes the session and removes the cookie.
    let out = post_with_cookie(&app, "/api/auth/logout", &second).await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    let removal = set_cookie(&out);
    assert!(removal.starts_with("refresh_token=;"), "{removal}");
    assert!(
        removal.contains("Max-Age=0") && removal.contains("Path=/api/auth"),
        "{removal}"
    );
    let refused = post_with_cookie(&app, "/api/auth/refresh", &second).await;
    refused.problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
    assert!(
        set_cookie(&refused).contains("Max-Age=0"),
        "a refused cookie is removed"
    );

    // Without a token in the body or a cookie there is nothing to refresh.
    app.post("/api/auth/refresh", None, &json!({}))
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
}

#[tokio::test]
async fn an_integration_that_asks_for_it_gets_the_refresh_token_in_the_body_and_no_cookie() {
    let app = spawn_app().await;
    let user = teacher(&app).await;
    let reply = app
        .post(
            "/api/auth/login",
            None,
            &json!({"email": user.email, "password": PASSWORD, "refresh_token_in_body": true}),
        )
        .await;
    let pair: TokenPair = reply.json(StatusCode::OK);
    assert!(reply.headers.get(SET_COOKIE).is_none());
    let token = pair.refresh_token.expect("in the body");
    let next: TokenPair = app
        .post("/api/auth/refresh", None, &json!({"refresh_token": token}))
        .await
        .json(StatusCode::OK);
    assert!(next.refresh_token.is_some(), "a body token's successor is in the body");
}

#[tokio::test]
async fn a_password_change_in_the_browser_renews_the_cookie() {
    let app = spawn_app().await;
    let user = teacher(&app).await;
    let login = browser_sign_in(&app, &user.email).await;
    let pair: TokenPair = login.json(StatusCode::OK);
    let old = cookie_value(&login);
    let change = json!({"current_password": PASSWORD, "new_password": "brand-new-password"});
    let changed = app.post("/api/me/password", Some(&pair.access_token), &change).await;
    let fresh: TokenPair = changed.json(StatusCode::OK);
    assert_eq!(fresh.refresh_token, None);
    let new = cookie_value(&changed);
    post_with_cookie(&app, "/api/auth/refresh", &old)
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
    post_with_cookie(&app, "/api/auth/refresh", &new)
        .await
        .json::<TokenPair>(StatusCode::OK);
}

#[tokio::test]
async fn every_answer_carries_its_content_security_policy_and_personal_ones_no_store() {
    let app = spawn_app().await;
    let user = teacher(&app).await;
    let token = user.token(&app).await;
    let policy = |reply: &Reply| reply.headers[CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();

    let me = app.get("/api/me", Some(&token)).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(policy(&me), API_POLICY);
    assert_eq!(me.headers[CACHE_CONTROL], "no-store");
    assert_eq!(me.headers["x-content-type-options"], "nosniff");
    assert_eq!(me.headers["referrer-policy"], "no-referrer");
    assert_eq!(me.headers["x-frame-options"], "DENY");

    let refused = app.get("/api/me", None).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(refused.headers[CACHE_CONTROL], "no-store");

    // The web app's pages (here the not-found answer of a server without the built
    // app) carry the app's policy.
    let page = app.get("/login", None).await;
    assert_eq!(policy(&page), APP_POLICY);
    assert!(APP_POLICY.contains("script-src 'self' 'wasm-unsafe-eval'"));

    let docs = app.get("/api/docs/", None).await;
    assert_eq!(docs.status, StatusCode::OK);
    assert_eq!(policy(&docs), DOCS_POLICY);

    let spec = app.get("/api/openapi.json", None).await;
    assert_eq!(spec.status, StatusCode::OK);
    assert!(
        spec.headers.get(CACHE_CONTROL).is_none(),
        "the public spec may be cached"
    );
}

#[tokio::test]
async fn the_api_docs_page_can_be_switched_off_and_the_spec_stays() {
    let app = spawn_app_with(|settings| settings.api_docs = false).await;
    app.get("/api/docs/", None)
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    app.get("/api/docs", None)
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    let spec: serde_json::Value = app.get("/api/openapi.json", None).await.json(StatusCode::OK);
    assert_eq!(spec["openapi"], "3.1.0");
    assert_eq!(spec, serde_json::to_value(backend::startup::api_spec()).unwrap());
}

#[tokio::test]
async fn a_body_that_does_not_arrive_in_time_is_answered_408() {
    let app = spawn_app_with(|settings| settings.body_read_timeout = 1).await;
    let address = app.address.trim_start_matches("http://").to_owned();
    let started = Instant::now();
    let status_line = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        // Headers promise 100 bytes; only 10 come, then the client stalls.
        let head = "POST /api/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\":";
        stream.write_all(head.as_bytes()).unwrap();
        let mut answer = [0_u8; 512];
        let read = stream.read(&mut answer).unwrap();
        String::from_utf8_lossy(&answer[..read])
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    })
    .await
    .unwrap();
    let waited = started.elapsed();
    assert_eq!(status_line, "HTTP/1.1 408 Request Timeout");
    assert!(
        waited >= Duration::from_millis(900) && waited < Duration::from_secs(5),
        "cut off after the deadline, not before: {waited:?}"
    );
}

#[tokio::test]
async fn postgresql_cancels_a_statement_that_runs_past_the_timeout() {
    if Database::selected() != Database::Postgres {
        // SQLite has no statement timeout; its connections are local and single-file.
        return;
    }
    use diesel::RunQueryDsl;
    let app = spawn_app().await;
    let shown: Vec<Setting> = app.with_db(|conn| diesel::sql_query("SHOW statement_timeout").load(conn).unwrap());
    assert_eq!(shown[0].statement_timeout, "30s", "the default");

    let app = spawn_app_with(|settings| settings.db_statement_timeout = 1).await;
    let started = Instant::now();
    let slept = app.with_db(|conn| diesel::sql_query("SELECT pg_sleep(3)").execute(conn));
    let err = slept.expect_err("cancelled");
    assert!(err.to_string().contains("statement timeout"), "{err}");
    assert!(started.elapsed() < Duration::from_millis(2500));
}

#[derive(diesel::QueryableByName)]
struct Setting {
    #[diesel(sql_type = diesel::sql_types::Text)]
    statement_timeout: String,
}
