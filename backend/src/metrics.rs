//! Prometheus metrics: requests per route pattern (count and latency, by status), the
//! database pool and the process. They are served on their own listen address
//! (`METRICS_LISTEN`), never on the public port, and only when that address is set.

use crate::db::DbPool;
use actix_web::{App, HttpResponse, HttpServer, dev::Server, web};
use actix_web_prom::{PrometheusMetrics, PrometheusMetricsBuilder};
use anyhow::Context;
use prometheus::{Encoder, IntGauge, IntGaugeVec, Opts, Registry, TextEncoder};
use std::net::TcpListener;

/// The namespace of every metric the server exports.
const NAMESPACE: &str = "innovation";

/// The label value of requests no route matched (keeps the label set bounded).
const UNMATCHED: &str = "unmatched";

/// Latency buckets in seconds: a list page should answer in a few milliseconds.
const BUCKETS: [f64; 14] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// The registry, the request middleware and the gauges read when scraped.
#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    requests: PrometheusMetrics,
    pool: DbPool,
    connections: IntGaugeVec,
    pool_size: IntGauge,
    waiting: IntGauge,
}

impl Metrics {
    /// Registers the request, pool and process metrics.
    pub fn new(pool: DbPool) -> anyhow::Result<Self> {
        let registry = Registry::new();
        let requests = PrometheusMetricsBuilder::new(NAMESPACE)
            .registry(registry.clone())
            .buckets(&BUCKETS)
            .mask_unmatched_patterns(UNMATCHED)
            .build()
            .map_err(|err| anyhow::anyhow!("cannot build the request metrics: {err}"))?;
        let connections = IntGaugeVec::new(
            Opts::new(
                "db_pool_connections",
                "Pooled database connections by state (in_use, idle).",
            )
            .namespace(NAMESPACE),
            &["state"],
        )?;
        let pool_size = IntGauge::with_opts(
            Opts::new("db_pool_max_connections", "The most connections the pool opens.").namespace(NAMESPACE),
        )?;
        let waiting = IntGauge::with_opts(
            Opts::new("db_pool_waiting", "Requests waiting for a pooled database connection.").namespace(NAMESPACE),
        )?;
        registry.register(Box::new(connections.clone()))?;
        registry.register(Box::new(pool_size.clone()))?;
        registry.register(Box::new(waiting.clone()))?;
        #[cfg(target_os = "linux")]
        registry.register(Box::new(prometheus::process_collector::ProcessCollector::for_self()))?;
        Ok(Self {
            registry,
            requests,
            pool,
            connections,
            pool_size,
            waiting,
        })
    }

    /// The middleware that counts and times every request by route pattern.
    pub fn middleware(&self) -> PrometheusMetrics {
        self.requests.clone()
    }

    /// The text exposition of every metric, with the pool gauges read now.
    pub fn render(&self) -> anyhow::Result<String> {
        let state = self.pool.state();
        let idle = i64::from(state.idle_connections);
        self.connections
            .with_label_values(&["in_use"])
            .set(i64::from(state.connections) - idle);
        self.connections.with_label_values(&["idle"]).set(idle);
        self.pool_size.set(i64::from(self.pool.max_size()));
        self.waiting.set(crate::db::waiting_for_connection());
        let mut buffer = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut buffer)
            .context("cannot encode the metrics")?;
        String::from_utf8(buffer).context("the metrics are not UTF-8")
    }

    /// A one-worker server answering `GET /metrics` on `listener`.
    pub fn serve(&self, listener: TcpListener) -> anyhow::Result<Server> {
        let metrics = web::Data::new(self.clone());
        let server = HttpServer::new(move || {
            App::new()
                .app_data(metrics.clone())
                .route("/metrics", web::get().to(exposition))
        })
        .workers(1)
        .listen(listener)?
        .run();
        Ok(server)
    }
}

async fn exposition(metrics: web::Data<Metrics>) -> HttpResponse {
    match metrics.render() {
        Ok(text) => HttpResponse::Ok()
            .content_type(TextEncoder::new().format_type())
            .body(text),
        Err(err) => {
            tracing::error!(error = %err, "cannot render the metrics");
            HttpResponse::InternalServerError().finish()
        }
    }
}
