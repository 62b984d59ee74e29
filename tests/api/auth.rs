use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use openapi::auth::{RefreshRequest, TokenPair};
use openapi::users::{Me, Role};
use reqwest::StatusCode;
use serde_json::json;
use std::net::IpAddr;
use tests::fixtures::{PASSWORD, TestOrg, TestUser};
use tests::{JWT_SECRET, TestApp, spawn_app};

pub(crate) async fn staff(app: &TestApp) -> tests::fixtures::Account {
    let school = TestOrg::school("СОШ № 1").create(app);
    TestUser::new(school, &[Role::Staff])
        .named("Иванова Мария Петровна")
        .create(app)
}

fn refresh(token: Option<&str>) -> RefreshRequest {
    RefreshRequest {
        refresh_token: Some(token.expect("a refresh token in the body").to_owned()),
    }
}

#[tokio::test]
async fn login_with_the_right_password_returns_tokens_and_the_profile() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    let pair = app.login(&user.email.to_uppercase(), PASSWORD).await;
    assert_eq!(pair.token_type, "Bearer");
    assert_eq!(pair.expires_in, 900);
    assert_eq!(pair.user.full_name, "Иванова Мария Петровна");
    let me: Me = app.get("/api/me", Some(&pair.access_token)).await.json(StatusCode::OK);
    assert_eq!(me.id, user.id);
    assert_eq!(me.roles, vec![Role::Staff]);
}

#[tokio::test]
async fn login_with_a_wrong_password_or_unknown_email_is_refused_alike() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    let wrong = app
        .post(
            "/api/auth/login",
            None,
            &json!({"email": user.email, "password": "not-the-password"}),
        )
        .await;
    let unknown = app
        .post(
            "/api/auth/login",
            None,
            &json!({"email": "nobody@nowhere.test", "password": PASSWORD}),
        )
        .await;
    let (a, b) = (
        wrong.problem(StatusCode::UNAUTHORIZED, "invalid_credentials"),
        unknown.problem(StatusCode::UNAUTHORIZED, "invalid_credentials"),
    );
    assert_eq!((a.title, a.detail), (b.title, b.detail));
}

#[tokio::test]
async fn a_deactivated_account_cannot_sign_in() {
    let app = spawn_app().await;
    let school = TestOrg::school("СОШ № 2").create(&app);
    let user = TestUser::new(school, &[Role::Staff]).inactive().create(&app);
    app.post(
        "/api/auth/login",
        None,
        &json!({"email": user.email, "password": PASSWORD}),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "account_disabled");
}

/// A client whose connections come from another loopback address (Linux routes the whole
/// 127.0.0.0/8 to the loopback interface), to act as another client of the server.
pub(crate) fn client_from(last: u8) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(IpAddr::from([127, 0, 0, last]))
        .build()
        .unwrap()
}

/// A sign-in from `client`: the status and the `Retry-After` header, if any.
async fn sign_in_from(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> (StatusCode, Option<u64>) {
    sign_in_with(app, client, &[], email, password).await
}

/// A sign-in from `client` sending `headers` too: the status and the `Retry-After`
/// header, if any.
pub(crate) async fn sign_in_with(
    app: &TestApp,
    client: &reqwest::Client,
    headers: &[(&str, &str)],
    email: &str,
    password: &str,
) -> (StatusCode, Option<u64>) {
    let mut request = client
        .post(format!("{}/api/auth/login", app.address))
        .json(&json!({"email": email, "password": password}));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let reply = request.send().await.unwrap();
    let retry_after = reply
        .headers()
        .get("retry-after")
        .map(|value| value.to_str().unwrap().parse().unwrap());
    (reply.status(), retry_after)
}

/// The sign-in attempts of an e-mail from an address that have not succeeded.
pub(crate) fn attempts_of(app: &TestApp, email: &str, address: &str) -> i64 {
    use backend::db::schema::login_failures;
    use diesel::prelude::*;
    app.with_db(|conn| {
        login_failures::table
            .filter(login_failures::email.eq(email))
            .filter(login_failures::address.eq(address))
            .count()
            .get_result(conn)
    })
    .unwrap()
}

#[tokio::test]
async fn five_failures_from_one_address_delay_that_address_only() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    let attacker = client_from(11);
    for _ in 0..5 {
        let (status, _) = sign_in_from(&app, &attacker, &user.email, "wrong-password").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, retry_after) = sign_in_from(&app, &attacker, &user.email, PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "even the right password waits");
    let retry_after = retry_after.expect("Retry-After");
    assert!((1..=30).contains(&retry_after), "Retry-After {retry_after}");
    // The real user, from their own address, signs in at once.
    let (status, _) = sign_in_from(&app, &client_from(12), &user.email, PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    // Another account is not affected from the attacker's address either.
    let other = TestUser::new(user.org, &[Role::Staff]).create(&app);
    let (status, _) = sign_in_from(&app, &attacker, &other.email, PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn an_address_failing_twenty_times_is_refused_whatever_the_email_and_others_sign_in() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    let flood = client_from(21);
    for n in 0..20 {
        let (status, _) = sign_in_from(&app, &flood, &format!("random-{n}@nowhere.test"), "guess").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, retry_after) = sign_in_from(&app, &flood, "random-x@nowhere.test", "guess").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let retry_after = retry_after.expect("Retry-After");
    assert!((1..=900).contains(&retry_after), "Retry-After {retry_after}");
    let (status, _) = sign_in_from(&app, &flood, &user.email, PASSWORD).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "the address, whatever it signs in as"
    );
    let (status, _) = sign_in_from(&app, &client_from(22), &user.email, PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "the real user from another address");
}

#[tokio::test]
async fn parallel_wrong_guesses_are_all_counted() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    let attacker = client_from(31);
    let guesses = (0..12).map(|n| {
        let (app, attacker, email) = (&app, &attacker, &user.email);
        async move { sign_in_from(app, attacker, email, &format!("guess-{n}")).await.0 }
    });
    let statuses = futures_util::future::join_all(guesses).await;
    let checked = statuses
        .iter()
        .filter(|status| **status == StatusCode::UNAUTHORIZED)
        .count();
    let delayed = statuses
        .iter()
        .filter(|status| **status == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(checked + delayed, 12, "{statuses:?}");
    assert!(checked <= 5, "at most the five free guesses were checked: {statuses:?}");
    assert_eq!(attempts_of(&app, &user.email, "127.0.0.31"), 12, "every guess recorded");
    let (status, _) = sign_in_from(&app, &attacker, &user.email, PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn an_address_presenting_bad_refresh_tokens_is_refused_after_thirty() {
    let app = spawn_app().await;
    let client = client_from(41);
    let refresh_from = |token: String| {
        let client = &client;
        let url = format!("{}/api/auth/refresh", app.address);
        async move {
            let reply = client
                .post(url)
                .json(&json!({"refresh_token": token}))
                .send()
                .await
                .unwrap();
            (reply.status(), reply.headers().get("retry-after").is_some())
        }
    };
    for n in 0..30 {
        assert_eq!(
            refresh_from(format!("made-up-{n}")).await,
            (StatusCode::UNAUTHORIZED, false)
        );
    }
    assert_eq!(
        refresh_from("made-up-31".into()).await,
        (StatusCode::TOO_MANY_REQUESTS, true)
    );
    // Another address is not affected.
    app.post("/api/auth/refresh", None, &refresh(Some("made-up-token")))
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
}

#[tokio::test]
async fn a_refresh_token_rotates_and_the_old_one_is_refused() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    let first = app.login(&user.email, PASSWORD).await;
    let second: TokenPair = app
        .post("/api/auth/refresh", None, &refresh(first.refresh_token.as_deref()))
        .await
        .json(StatusCode::OK);
    assert_ne!(second.refresh_token, first.refresh_token);
    app.get("/api/me", Some(&second.access_token))
        .await
        .json::<Me>(StatusCode::OK);
    app.post("/api/auth/refresh", None, &refresh(first.refresh_token.as_deref()))
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
    // Reuse of a spent token is taken as theft: the whole session is revoked.
    app.post("/api/auth/refresh", None, &refresh(second.refresh_token.as_deref()))
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
}

#[tokio::test]
async fn logout_revokes_the_session_but_not_other_sessions() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    let laptop = app.login(&user.email, PASSWORD).await;
    let phone = app.login(&user.email, PASSWORD).await;
    let reply = app
        .post("/api/auth/logout", None, &refresh(laptop.refresh_token.as_deref()))
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    app.post("/api/auth/refresh", None, &refresh(laptop.refresh_token.as_deref()))
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
    app.post("/api/auth/refresh", None, &refresh(phone.refresh_token.as_deref()))
        .await
        .json::<TokenPair>(StatusCode::OK);
}

#[tokio::test]
async fn an_unknown_refresh_token_is_refused() {
    let app = spawn_app().await;
    app.post("/api/auth/refresh", None, &refresh(Some("made-up-token")))
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
}

fn mint(claims: serde_json::Value, header: serde_json::Value, secret: &[u8]) -> String {
    use hmac_sha256::HMAC;
    let head = URL_SAFE_NO_PAD.encode(header.to_string());
    let body = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signature = URL_SAFE_NO_PAD.encode(HMAC::mac(format!("{head}.{body}").as_bytes(), secret));
    format!("{head}.{body}.{signature}")
}

/// The claims of an access token of a user, in a live session opened for it.
fn claims(app: &TestApp, user: i64, exp_offset: i64) -> serde_json::Value {
    let session = app
        .with_db(|conn| backend::db::models::session::open(conn, openapi::UserId(user)))
        .unwrap();
    let now = chrono::Utc::now().timestamp();
    json!({"sub": user.to_string(), "org": 1, "sid": session, "iss": "innovation-platform", "aud": "innovation-platform-api", "iat": now, "exp": now + exp_offset})
}

#[tokio::test]
async fn a_well_signed_token_is_accepted_so_the_refusals_below_mean_something() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    let token = mint(
        claims(&app, user.id.0, 60),
        json!({"alg": "HS256", "typ": "JWT"}),
        JWT_SECRET.as_bytes(),
    );
    app.get("/api/me", Some(&token)).await.json::<Me>(StatusCode::OK);
}

#[tokio::test]
async fn an_expired_token_is_refused_as_expired() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    let token = mint(
        claims(&app, user.id.0, -120),
        json!({"alg": "HS256", "typ": "JWT"}),
        JWT_SECRET.as_bytes(),
    );
    let reply = app.get("/api/me", Some(&token)).await;
    reply.problem(StatusCode::UNAUTHORIZED, "token_expired");
    assert_eq!(reply.headers["www-authenticate"], "Bearer");
}

#[tokio::test]
async fn a_tampered_token_is_refused() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    let other = TestUser::new(user.org, &[Role::Admin]).create(&app);
    let token = app.login(&user.email, PASSWORD).await.access_token;
    // Swap the payload for one naming the admin, keeping the original signature.
    let parts: Vec<&str> = token.split('.').collect();
    let forged_body = URL_SAFE_NO_PAD.encode(claims(&app, other.id.0, 600).to_string());
    let forged = format!("{}.{}.{}", parts[0], forged_body, parts[2]);
    app.get("/api/me", Some(&forged))
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_token");
    // And a token signed with another key.
    let foreign = mint(
        claims(&app, user.id.0, 600),
        json!({"alg": "HS256", "typ": "JWT"}),
        b"another-secret-another-secret-another",
    );
    app.get("/api/me", Some(&foreign))
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_token");
}

#[tokio::test]
async fn a_token_with_alg_none_is_refused() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    let head = URL_SAFE_NO_PAD.encode(json!({"alg": "none", "typ": "JWT"}).to_string());
    let body = URL_SAFE_NO_PAD.encode(claims(&app, user.id.0, 600).to_string());
    for token in [format!("{head}.{body}."), format!("{head}.{body}")] {
        app.get("/api/me", Some(&token))
            .await
            .problem(StatusCode::UNAUTHORIZED, "invalid_token");
    }
}

#[tokio::test]
async fn a_token_of_another_issuer_or_audience_is_refused() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    for (key, value) in [("iss", "someone-else"), ("aud", "another-api")] {
        let mut payload = claims(&app, user.id.0, 600);
        payload[key] = json!(value);
        let token = mint(payload, json!({"alg": "HS256", "typ": "JWT"}), JWT_SECRET.as_bytes());
        app.get("/api/me", Some(&token))
            .await
            .problem(StatusCode::UNAUTHORIZED, "invalid_token");
    }
}

#[tokio::test]
async fn requests_without_a_token_or_with_a_garbage_one_get_401() {
    let app = spawn_app().await;
    let reply = app.get("/api/me", None).await;
    reply.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    app.get("/api/me", Some("garbage"))
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_token");
}

#[tokio::test]
async fn a_deactivated_user_loses_access_at_once() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    let pair = app.login(&user.email, PASSWORD).await;
    app.with_db(|conn| backend::db::models::user::set_active(conn, user.id, false))
        .unwrap();
    app.get("/api/me", Some(&pair.access_token))
        .await
        .problem(StatusCode::FORBIDDEN, "account_disabled");
}

#[tokio::test]
async fn a_token_naming_no_session_is_refused() {
    let app = spawn_app().await;
    let user = staff(&app).await;
    let mut payload = claims(&app, user.id.0, 600);
    payload.as_object_mut().unwrap().remove("sid");
    let token = mint(payload, json!({"alg": "HS256", "typ": "JWT"}), JWT_SECRET.as_bytes());
    app.get("/api/me", Some(&token))
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_token");
}
