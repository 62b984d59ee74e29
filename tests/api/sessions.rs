//! A session ends at once: after a sign-out, a password change or reset, a deactivation
//! or the reuse of a spent refresh token, the session's access tokens are refused with
//! `401 session_ended` (not after their 15 minutes) and its refresh tokens with
//! `401 invalid_refresh_token`; other sessions are untouched where they should be.

use crate::hardening::{browser_sign_in, cookie_value, post_with_cookie};
use openapi::auth::{RefreshRequest, TokenPair};
use openapi::users::{Me, Role};
use reqwest::StatusCode;
use serde_json::json;
use tests::fixtures::{Account, PASSWORD, TestOrg, TestUser};
use tests::{TestApp, spawn_app};

async fn teacher(app: &TestApp) -> Account {
    let school = TestOrg::school("СОШ № 7").create(app);
    TestUser::new(school, &[Role::Staff]).create(app)
}

/// Asserts that an access token is refused because its session has ended.
async fn ended(app: &TestApp, access_token: &str) {
    let reply = app.get("/api/me", Some(access_token)).await;
    reply.problem(StatusCode::UNAUTHORIZED, "session_ended");
    assert_eq!(reply.headers["www-authenticate"], "Bearer");
}

/// Asserts that a session's access token and refresh token are both refused.
async fn ended_pair(app: &TestApp, pair: &TokenPair) {
    ended(app, &pair.access_token).await;
    refresh(app, pair)
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
}

/// A teacher signed in, and their school's director signed in.
async fn teacher_and_director(app: &TestApp) -> (Account, TokenPair, Account, TokenPair) {
    let user = teacher(app).await;
    let director = TestUser::new(user.org, &[Role::Admin]).create(app);
    let session = app.login(&user.email, PASSWORD).await;
    let admin = app.login(&director.email, PASSWORD).await;
    (user, session, director, admin)
}

/// Asserts that an access token still opens its session.
async fn live(app: &TestApp, access_token: &str, user: &Account) {
    let me: Me = app.get("/api/me", Some(access_token)).await.json(StatusCode::OK);
    assert_eq!(me.id, user.id);
}

async fn refresh(app: &TestApp, pair: &TokenPair) -> tests::Reply {
    let body = RefreshRequest {
        refresh_token: pair.refresh_token.clone(),
    };
    app.post("/api/auth/refresh", None, &body).await
}

#[tokio::test]
async fn signing_out_refuses_the_session_s_access_token_and_cookie_at_once() {
    let app = spawn_app().await;
    let user = teacher(&app).await;
    // The browser: the refresh token in the cookie, the access token in memory.
    let login = browser_sign_in(&app, &user.email).await;
    let browser: TokenPair = login.json(StatusCode::OK);
    let cookie = cookie_value(&login);
    let phone = app.login(&user.email, PASSWORD).await;
    live(&app, &browser.access_token, &user).await;

    let out = post_with_cookie(&app, "/api/auth/logout", &cookie).await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);

    ended(&app, &browser.access_token).await;
    post_with_cookie(&app, "/api/auth/refresh", &cookie)
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
    // The other session goes on.
    live(&app, &phone.access_token, &user).await;
    refresh(&app, &phone).await.json::<TokenPair>(StatusCode::OK);
}

#[tokio::test]
async fn a_password_change_ends_every_session_and_opens_a_new_one() {
    let app = spawn_app().await;
    let user = teacher(&app).await;
    let laptop = app.login(&user.email, PASSWORD).await;
    let phone = app.login(&user.email, PASSWORD).await;
    let changed: TokenPair = app
        .post(
            "/api/me/password",
            Some(&laptop.access_token),
            &json!({"current_password": PASSWORD, "new_password": "another-password-7", "refresh_token_in_body": true}),
        )
        .await
        .json(StatusCode::OK);

    ended_pair(&app, &phone).await;
    // The changing session's own tokens are replaced by the answer's.
    ended_pair(&app, &laptop).await;
    live(&app, &changed.access_token, &user).await;
    let next: TokenPair = refresh(&app, &changed).await.json(StatusCode::OK);
    live(&app, &next.access_token, &user).await;
}

#[tokio::test]
async fn a_password_reset_ends_the_user_s_sessions_and_not_the_administrator_s() {
    let app = spawn_app().await;
    let (user, session, director, admin) = teacher_and_director(&app).await;
    app.post(
        &format!("/api/users/{}/password-reset", user.id),
        Some(&admin.access_token),
        &json!({}),
    )
    .await
    .json::<serde_json::Value>(StatusCode::OK);

    ended_pair(&app, &session).await;
    live(&app, &admin.access_token, &director).await;
}

#[tokio::test]
async fn a_deactivation_ends_the_sessions_for_good() {
    let app = spawn_app().await;
    let (user, session, director, admin) = teacher_and_director(&app).await;
    let path = format!("/api/users/{}", user.id);
    app.patch(&path, Some(&admin.access_token), &json!({"is_active": false}))
        .await
        .json::<serde_json::Value>(StatusCode::OK);
    app.get("/api/me", Some(&session.access_token))
        .await
        .problem(StatusCode::FORBIDDEN, "account_disabled");

    // Active again, the account signs in anew; the old session stays ended.
    app.patch(&path, Some(&admin.access_token), &json!({"is_active": true}))
        .await
        .json::<serde_json::Value>(StatusCode::OK);
    ended_pair(&app, &session).await;
    let again = app.login(&user.email, PASSWORD).await;
    live(&app, &again.access_token, &user).await;
    live(&app, &admin.access_token, &director).await;
}

#[tokio::test]
async fn a_stolen_refresh_token_presented_again_ends_the_access_tokens_too() {
    let app = spawn_app().await;
    let user = teacher(&app).await;
    let first = app.login(&user.email, PASSWORD).await;
    let second: TokenPair = refresh(&app, &first).await.json(StatusCode::OK);
    live(&app, &second.access_token, &user).await;
    // The spent token comes back: someone else holds a copy of it.
    refresh(&app, &first)
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
    ended(&app, &first.access_token).await;
    ended(&app, &second.access_token).await;
}

#[tokio::test]
async fn a_token_naming_another_user_s_session_or_none_is_refused() {
    use base64::Engine as _;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let app = spawn_app().await;
    let user = teacher(&app).await;
    let other = TestUser::new(user.org, &[Role::Staff]).create(&app);
    let theirs = app.login(&other.email, PASSWORD).await;
    let sid = |token: &str| {
        let payload = token.split('.').nth(1).unwrap();
        let claims: serde_json::Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap();
        claims["sid"].as_str().unwrap().to_owned()
    };
    let keys = backend::auth::JwtKeys::from_secret(tests::JWT_SECRET.as_bytes());
    let borrowed = keys.issue(user.id.0, user.org.0, &sid(&theirs.access_token)).unwrap();
    ended(&app, &borrowed).await;
    live(&app, &theirs.access_token, &other).await;
    let unknown = keys.issue(user.id.0, user.org.0, "no-such-session").unwrap();
    ended(&app, &unknown).await;
}
