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

/// The pool hands a connection back out untested only while it is known good: after the
/// database dropped every connection (a restart), an idle pool tests each one at
/// check-out and opens a new one in its place, so no request fails; a connection a
/// request found lost is closed instead of going back to the pool.
#[tokio::test]
async fn connections_dropped_by_postgresql_cost_no_request_once_the_pool_idled() {
    if Database::selected() != Database::Postgres {
        // SQLite's connections are a file: nothing drops them.
        return;
    }
    use diesel::RunQueryDsl;
    let app = spawn_app().await;
    let held: Vec<_> = (0..4).map(|_| app.conn()).collect();
    drop(held);
    let dropped = app.with_db(|conn| {
        diesel::sql_query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        .execute(conn)
        .unwrap()
    });
    assert!(dropped >= 3, "the pool's other connections were dropped: {dropped}");
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    let replies = futures_util::future::join_all((0..8).map(|_| app.get("/readyz", None))).await;
    for reply in replies {
        reply.json::<serde_json::Value>(StatusCode::OK);
    }
}
