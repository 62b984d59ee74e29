//! Bad input gets the right 4xx problem and writes nothing.

use openapi::users::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;
use tests::fixtures::{TestOrg, TestUser};
use tests::{TestApp, spawn_app};

async fn admin(app: &TestApp) -> (i64, String) {
    let school = TestOrg::school("СОШ № 5").create(app);
    let admin = TestUser::new(school, &[Role::Admin]).create(app);
    (school.0, admin.token(app).await)
}

fn user_count(app: &TestApp) -> i64 {
    use diesel::prelude::*;
    app.with_db(|conn| backend::db::schema::users::table.count().get_result::<i64>(conn))
        .unwrap()
}

#[tokio::test]
async fn malformed_json_is_a_400_problem_and_writes_nothing() {
    let app = spawn_app().await;
    let (school, token) = admin(&app).await;
    let before = user_count(&app);
    let path = format!("/api/organisations/{school}/users");
    let reply = app
        .send_raw(
            Method::POST,
            &path,
            Some(&token),
            "application/json",
            b"{\"email\": ".to_vec(),
        )
        .await;
    reply.problem(StatusCode::BAD_REQUEST, "malformed_body");
    assert!(!reply.body.contains("serde"), "{}", reply.body);
    assert_eq!(user_count(&app), before);
}

#[tokio::test]
async fn missing_fields_and_wrong_types_are_422_naming_the_field() {
    let app = spawn_app().await;
    let (school, token) = admin(&app).await;
    let before = user_count(&app);
    let path = format!("/api/organisations/{school}/users");
    let missing = app
        .post(
            &path,
            Some(&token),
            &json!({"email": "x@y.ru", "full_name": "Имя Фамилия", "roles": ["staff"]}),
        )
        .await;
    let problem = missing.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        (problem.errors[0].field.as_str(), problem.errors[0].code),
        ("password", openapi::FieldErrorCode::Required)
    );

    let wrong = app
        .post(
            &path,
            Some(&token),
            &json!({"email": "x@y.ru", "full_name": 42, "roles": ["staff"], "password": "long-password"}),
        )
        .await;
    assert_eq!(
        wrong
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .errors[0]
            .field,
        "full_name"
    );

    let unknown_role = app
        .post(
            &path,
            Some(&token),
            &json!({"email": "x@y.ru", "full_name": "Имя", "roles": ["king"], "password": "long-password"}),
        )
        .await;
    assert_eq!(
        unknown_role
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .errors[0]
            .field,
        "roles[0]"
    );
    assert_eq!(user_count(&app), before);
}

#[tokio::test]
async fn invalid_values_are_all_reported_at_once() {
    let app = spawn_app().await;
    let (school, token) = admin(&app).await;
    let path = format!("/api/organisations/{school}/users");
    let reply = app
        .post(
            &path,
            Some(&token),
            &json!({"email": "not-an-email", "full_name": "  ", "roles": [], "password": "short"}),
        )
        .await;
    let fields: Vec<String> = reply
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .errors
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, ["email", "full_name", "roles", "password"]);
}

#[tokio::test]
async fn an_oversized_body_is_413_and_writes_nothing() {
    let app = spawn_app().await;
    let (school, token) = admin(&app).await;
    let before = user_count(&app);
    let huge = json!({"email": "big@y.ru", "full_name": "x".repeat(200 * 1024), "roles": ["staff"], "password": "long-password"});
    let reply = app
        .post(&format!("/api/organisations/{school}/users"), Some(&token), &huge)
        .await;
    reply.problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    assert_eq!(user_count(&app), before);
}

#[tokio::test]
async fn a_body_that_is_not_json_is_415() {
    let app = spawn_app().await;
    let reply = app
        .send_raw(Method::POST, "/api/auth/login", None, "text/plain", b"email=a".to_vec())
        .await;
    reply.problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
}

#[tokio::test]
async fn unknown_api_routes_are_404_problems() {
    let app = spawn_app().await;
    for path in ["/api/nothing-here", "/api", "/api/users/1/nothing"] {
        app.get(path, None).await.problem(StatusCode::NOT_FOUND, "not_found");
    }
}

#[tokio::test]
async fn a_known_path_with_another_method_is_405_naming_its_methods() {
    let app = spawn_app().await;
    for (method, path, allow) in [
        (Method::DELETE, "/api/me", "GET, PATCH"),
        (Method::PATCH, "/api/projects/17", "GET, PUT"),
        (Method::PUT, "/api/projects", "GET, POST"),
        (Method::POST, "/healthz", "GET"),
    ] {
        let reply = app.send(method.clone(), path, None, None).await;
        reply.problem(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
        assert_eq!(
            reply.headers.get("allow").and_then(|v| v.to_str().ok()),
            Some(allow),
            "{method} {path}"
        );
    }
    // A literal path that another route would read as its id: the literal one's methods.
    let (_, token) = admin(&app).await;
    let reply = app.get("/api/consultations/given", Some(&token)).await;
    reply.problem(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    assert_eq!(reply.headers.get("allow").and_then(|v| v.to_str().ok()), Some("POST"));
    // A malformed id of the same route stays a bad path.
    app.get("/api/consultations/abc", Some(&token))
        .await
        .problem(StatusCode::BAD_REQUEST, "invalid_path");
}

#[tokio::test]
async fn wrong_query_and_path_parameters_are_400_and_out_of_range_pages_422() {
    let app = spawn_app().await;
    let (school, token) = admin(&app).await;
    app.get("/api/organisations?page=abc", Some(&token))
        .await
        .problem(StatusCode::BAD_REQUEST, "invalid_query");
    app.get("/api/organisations?kind=castle", Some(&token))
        .await
        .problem(StatusCode::BAD_REQUEST, "invalid_query");
    let problem = app
        .get("/api/organisations?per_page=1000", Some(&token))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(problem.errors[0].field, "per_page");
    app.get(&format!("/api/organisations/{school}/users?page=0"), Some(&token))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    app.get("/api/users/abc", Some(&token))
        .await
        .problem(StatusCode::BAD_REQUEST, "invalid_path");
    app.get("/api/users/999999", Some(&token))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
}
