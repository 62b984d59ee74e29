use reqwest::StatusCode;
use tests::{Database, spawn_app};

#[tokio::test]
async fn liveness_and_readiness_answer_ok_and_name_the_database() {
    let app = spawn_app().await;
    let health: serde_json::Value = app.get("/healthz", None).await.json(StatusCode::OK);
    assert_eq!(health["status"], "ok");
    let ready: serde_json::Value = app.get("/readyz", None).await.json(StatusCode::OK);
    let expected = match Database::selected() {
        Database::Sqlite => "sqlite",
        Database::Postgres => "postgresql",
    };
    assert_eq!(ready["database"], expected);
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_echoes_a_valid_one() {
    let app = spawn_app().await;
    let reply = app.get("/api/unknown", None).await;
    let problem = reply.problem(StatusCode::NOT_FOUND, "not_found");
    let header = reply.headers.get("x-request-id").unwrap().to_str().unwrap().to_owned();
    assert_eq!(problem.request_id.as_deref(), Some(header.as_str()));

    let echoed = app
        .client
        .get(format!("{}/healthz", app.address))
        .header("x-request-id", "abc-123")
        .send()
        .await
        .unwrap();
    assert_eq!(echoed.headers()["x-request-id"], "abc-123");
}

#[tokio::test]
async fn readiness_fails_with_503_problem_when_the_database_is_gone() {
    let app = spawn_app().await;
    // Exhaust the pool so that no connection can be had within the timeout.
    let held: Vec<_> = (0..4).map(|_| app.conn()).collect();
    let reply = app.get("/readyz", None).await;
    reply.problem(StatusCode::SERVICE_UNAVAILABLE, "database_unavailable");
    assert!(reply.headers.contains_key("retry-after"));
    drop(held);
    app.get("/readyz", None).await.json::<serde_json::Value>(StatusCode::OK);
}

#[tokio::test]
async fn the_published_spec_answers_head_with_its_length_and_no_body() {
    let app = spawn_app().await;
    let get = app
        .client
        .get(format!("{}/api/openapi.json", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(get.status(), StatusCode::OK);
    let length = get.bytes().await.unwrap().len();
    let head = app
        .client
        .head(format!("{}/api/openapi.json", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), StatusCode::OK);
    assert_eq!(head.headers()["content-type"], "application/json");
    assert_eq!(head.headers()["content-length"], length.to_string().as_str());
    assert!(head.bytes().await.unwrap().is_empty());
}
