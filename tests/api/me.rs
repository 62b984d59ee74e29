use openapi::auth::TokenPair;
use openapi::users::{Locale, Me, Role};
use reqwest::StatusCode;
use serde_json::json;
use tests::fixtures::{PASSWORD, TestOrg, TestUser};
use tests::spawn_app;

#[tokio::test]
async fn a_user_renames_themselves_and_switches_to_english() {
    let app = spawn_app().await;
    let school = TestOrg::school("СОШ № 3").create(&app);
    let token = TestUser::new(school, &[Role::Staff]).create(&app).token(&app).await;
    let me: Me = app
        .patch(
            "/api/me",
            Some(&token),
            &json!({"full_name": " Лебедева Анна ", "locale": "en"}),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!((me.full_name.as_str(), me.locale), ("Лебедева Анна", Locale::En));
    let again: Me = app.get("/api/me", Some(&token)).await.json(StatusCode::OK);
    assert_eq!(again, me);
    let short = app
        .patch("/api/me", Some(&token), &json!({"full_name": "A"}))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(short.errors[0].field, "full_name");
    app.patch("/api/me", Some(&token), &json!({"locale": "de"}))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let unchanged: Me = app.get("/api/me", Some(&token)).await.json(StatusCode::OK);
    assert_eq!(unchanged, me, "a refused PATCH wrote");
}

#[tokio::test]
async fn a_password_change_needs_the_current_password_and_ends_other_sessions() {
    let app = spawn_app().await;
    let school = TestOrg::school("СОШ № 4").create(&app);
    let user = TestUser::new(school, &[Role::Staff]).create(&app);
    let other_session = app.login(&user.email, PASSWORD).await;
    let session = app.login(&user.email, PASSWORD).await;
    let wrong = json!({"current_password": "not-it-at-all", "new_password": "brand-new-password"});
    app.post("/api/me/password", Some(&session.access_token), &wrong)
        .await
        .problem(StatusCode::BAD_REQUEST, "wrong_password");
    let short = json!({"current_password": PASSWORD, "new_password": "short"});
    let problem = app
        .post("/api/me/password", Some(&session.access_token), &short)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(problem.errors[0].field, "new_password");
    app.login(&user.email, PASSWORD).await;

    let good =
        json!({"current_password": PASSWORD, "new_password": "brand-new-password", "refresh_token_in_body": true});
    let fresh: TokenPair = app
        .post("/api/me/password", Some(&session.access_token), &good)
        .await
        .json(StatusCode::OK);
    app.post(
        "/api/auth/refresh",
        None,
        &json!({"refresh_token": other_session.refresh_token}),
    )
    .await
    .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
    app.post(
        "/api/auth/refresh",
        None,
        &json!({"refresh_token": fresh.refresh_token}),
    )
    .await
    .json::<TokenPair>(StatusCode::OK);
    app.login(&user.email, "brand-new-password").await;
}
