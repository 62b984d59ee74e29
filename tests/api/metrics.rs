//! Prometheus metrics: on their own address only when configured, labelled by route
//! pattern, with the pool and the process.

use reqwest::StatusCode;
use std::time::Duration;
use tests::{TestApp, spawn_app, spawn_app_with};

async fn metered(pool: u32) -> TestApp {
    spawn_app_with(move |settings| {
        settings.metrics_listen = Some("127.0.0.1:0".to_owned());
        settings.db_pool_size = pool;
    })
    .await
}

async fn scrape(app: &TestApp) -> String {
    let address = app.metrics_address.as_ref().expect("a metrics listener");
    let reply = app.client.get(format!("{address}/metrics")).send().await.unwrap();
    assert_eq!(reply.status(), StatusCode::OK);
    let content_type = reply.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(content_type.starts_with("text/plain; version=0.0.4"), "{content_type}");
    reply.text().await.unwrap()
}

/// The value of the sample whose name and labels are exactly `series`.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

#[tokio::test]
async fn without_an_address_nothing_is_served_and_the_public_port_has_no_metrics() {
    let app = spawn_app().await;
    assert!(app.metrics_address.is_none());
    app.get("/metrics", None)
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn requests_are_counted_and_timed_by_route_pattern_and_status() {
    let app = metered(4).await;
    for _ in 0..3 {
        app.get("/healthz", None).await;
    }
    app.get("/api/me", None)
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    app.get("/api/projects/918273", None).await;
    app.get("/api/no-such-thing/918273", None).await;

    let text = scrape(&app).await;
    let total = |labels: &str| sample(&text, &format!("innovation_http_requests_total{{{labels}}}"));
    assert_eq!(total(r#"endpoint="/healthz",method="GET",status="200""#), Some(3.0));
    assert_eq!(total(r#"endpoint="/api/me",method="GET",status="401""#), Some(1.0));
    assert_eq!(
        total(r#"endpoint="/api/projects/{id}",method="GET",status="401""#),
        Some(1.0)
    );
    assert_eq!(total(r#"endpoint="unmatched",method="GET",status="404""#), Some(1.0));
    assert_eq!(
        sample(
            &text,
            r#"innovation_http_requests_duration_seconds_count{endpoint="/healthz",method="GET",status="200"}"#
        ),
        Some(3.0)
    );
    assert!(!text.contains("918273"), "a raw path leaked into a label:\n{text}");
    assert!(
        !text.contains("/api/no-such-thing"),
        "an unmatched path leaked into a label"
    );

    assert_eq!(sample(&text, "innovation_db_pool_max_connections"), Some(4.0));
    assert!(sample(&text, r#"innovation_db_pool_connections{state="idle"}"#).is_some());
    assert_eq!(
        sample(&text, r#"innovation_db_pool_connections{state="in_use"}"#),
        Some(0.0)
    );
    let memory = sample(&text, "process_resident_memory_bytes").expect("the process's memory");
    assert!(memory > 1_000_000.0, "resident memory {memory}");
}

#[tokio::test]
async fn a_request_waiting_for_a_connection_shows_in_the_pool_gauges() {
    let app = metered(1).await;
    let held = app.conn();
    let client = app.client.clone();
    let readiness = tokio::spawn({
        let url = format!("{}/readyz", app.address);
        async move { client.get(url).send().await.unwrap().status() }
    });
    let mut seen = None;
    for _ in 0..40 {
        let text = scrape(&app).await;
        let waiting = sample(&text, "innovation_db_pool_waiting").unwrap_or_default();
        let in_use = sample(&text, r#"innovation_db_pool_connections{state="in_use"}"#);
        if waiting >= 1.0 {
            seen = Some((waiting, in_use));
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let (_, in_use) = seen.expect("the waiting request shows in the gauge");
    assert_eq!(in_use, Some(1.0));
    drop(held);
    assert_eq!(readiness.await.unwrap(), StatusCode::OK);
    let text = scrape(&app).await;
    assert_eq!(
        sample(&text, r#"innovation_db_pool_connections{state="in_use"}"#),
        Some(0.0)
    );
}
