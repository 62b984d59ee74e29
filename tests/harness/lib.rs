//! The harness of the black-box API tests: every test spawns the real application on a
//! port of its own, over a database of its own — a fresh SQLite file, or a PostgreSQL
//! database created for the test and dropped after it — so tests run in parallel.
//!
//! `TEST_DATABASE=postgres` selects PostgreSQL (server from `TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`); anything else runs on SQLite.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test harness: a failure is a test failure"
)]

pub mod fixtures;

use backend::config::Settings;
use backend::db::DbConnection;
use backend::startup::Application;
use backend::state::AppState;
use diesel::{Connection, PgConnection, RunQueryDsl};
use openapi::Problem;
use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::io::Write;
use std::path::PathBuf;

/// The signing secret the spawned apps use, so tests can mint their own tokens.
pub const JWT_SECRET: &str = "test-secret-that-is-long-enough-for-hs256";

/// The environment variable `name` parsed, or `default` when unset or unparsable (the
/// benches' sizes and durations).
pub fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The date `days` from today (UTC, as the server counts), as `YYYY-MM-DD`: fixtures
/// that must lie in the future or the past are relative to today, never fixed.
pub fn days_from_today(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::TimeDelta::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// Which database the suite runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Database {
    /// A SQLite file per test.
    Sqlite,
    /// A PostgreSQL database per test.
    Postgres,
}

impl Database {
    /// The database selected by `TEST_DATABASE`.
    pub fn selected() -> Self {
        match std::env::var("TEST_DATABASE").as_deref() {
            Ok("postgres") | Ok("postgresql") => Self::Postgres,
            _ => Self::Sqlite,
        }
    }
}

/// The URL of the database `name` on the server of `server` (its last path segment
/// replaced, its query kept).
pub fn database_url(server: &str, name: &str) -> String {
    let (base, query) = server
        .split_once('?')
        .map_or((server, None), |(base, query)| (base, Some(query)));
    let authority_end = base.find("://").map_or(0, |scheme| scheme + 3);
    let base = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

fn postgres_server_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// A database that exists for one test.
struct TestDatabase {
    url: String,
    pg_name: Option<String>,
    dir: PathBuf,
}

impl TestDatabase {
    fn create(database: Database) -> Self {
        let dir = std::env::temp_dir().join(format!("ip-test-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        match database {
            Database::Sqlite => Self {
                url: dir.join("test.db").to_string_lossy().into_owned(),
                pg_name: None,
                dir,
            },
            Database::Postgres => {
                let server = postgres_server_url();
                let name = format!("t_{}", uuid::Uuid::new_v4().simple());
                let mut conn = PgConnection::establish(&server).unwrap_or_else(|err| {
                    panic!("TEST_DATABASE=postgres but PostgreSQL at {server} is unreachable: {err}")
                });
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .unwrap();
                Self {
                    url: database_url(&server, &name),
                    pg_name: Some(name),
                    dir,
                }
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(name) = &self.pg_name
            && let Ok(mut conn) = PgConnection::establish(&postgres_server_url())
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn);
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A running application and a client for it.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub address: String,
    /// An HTTP client without cookies.
    pub client: reqwest::Client,
    /// The application's state: its pool reaches the test's database.
    pub state: AppState,
    /// The application's data directory (uploaded files live in `files/`).
    pub data_dir: PathBuf,
    /// `http://127.0.0.1:<port>` of the metrics listener, when the settings asked for one.
    pub metrics_address: Option<String>,
    _database: TestDatabase,
}

/// Starts the application on a fresh database.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Starts the application on a fresh database, serving a web app made of `files` (path
/// within the web app's folder, content); none means the API alone.
pub async fn spawn_app_serving(files: &[(&str, &[u8])]) -> TestApp {
    let files: Vec<(String, Vec<u8>)> = files.iter().map(|(p, c)| ((*p).to_owned(), c.to_vec())).collect();
    spawn_app_with(move |settings| {
        for (path, content) in &files {
            let path = settings.static_dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, content).unwrap();
        }
    })
    .await
}

/// Starts the application on a fresh database with `workers` HTTP workers (`None`: one
/// per core, as in production) and `pool` database connections.
pub async fn spawn_app_sized(workers: Option<usize>, pool: u32) -> TestApp {
    spawn_app_with(move |settings| {
        settings.workers = workers;
        settings.db_pool_size = pool;
    })
    .await
}

/// Starts the application on a fresh database with settings changed by `configure`.
pub async fn spawn_app_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    let database = TestDatabase::create(Database::selected());
    let mut settings = Settings {
        host: "127.0.0.1".to_owned(),
        port: 0,
        data_dir: database.dir.clone(),
        database_url: Some(database.url.clone()),
        jwt_secret: Some(JWT_SECRET.to_owned()),
        static_dir: database.dir.join("no-web-app"),
        demo_data: false,
        db_pool_size: 4,
        workers: Some(1),
        log_format: "json".to_owned(),
        api_docs: true,
        cookie_secure: backend::config::CookieSecure::Auto,
        db_statement_timeout: 30,
        body_read_timeout: 60,
        metrics_listen: None,
        trusted_proxies: backend::http::forwarded::TrustedProxies::default(),
        attachment_quota_files: backend::domain::quota::StorageQuota::DEFAULT_FILES,
        attachment_quota_bytes: backend::domain::quota::StorageQuota::DEFAULT_BYTES,
    };
    configure(&mut settings);
    let app = Application::build(&settings).expect("the application starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state().clone();
    let metrics_address = app.metrics_port().map(|port| format!("http://127.0.0.1:{port}"));
    tokio::spawn(app.run_until_stopped());
    let data_dir = database.dir.clone();
    TestApp {
        address,
        client: reqwest::Client::new(),
        state,
        data_dir,
        metrics_address,
        _database: database,
    }
}

/// A response, read whole.
#[derive(Debug)]
pub struct Reply {
    /// The status.
    pub status: StatusCode,
    /// The `content-type` header.
    pub content_type: String,
    /// Every header.
    pub headers: reqwest::header::HeaderMap,
    /// The body as text.
    pub body: String,
}

impl Reply {
    /// The body as JSON of a type, after checking the status.
    pub fn json<T: DeserializeOwned>(&self, status: StatusCode) -> T {
        assert_eq!(self.status, status, "unexpected status; body: {}", self.body);
        serde_json::from_str(&self.body).unwrap_or_else(|err| panic!("cannot parse {}: {err}", self.body))
    }

    /// The problem body, after checking status, content type and code.
    pub fn problem(&self, status: StatusCode, code: &str) -> Problem {
        assert_eq!(self.status, status, "unexpected status; body: {}", self.body);
        assert_eq!(
            self.content_type, "application/problem+json",
            "problem content type; body: {}",
            self.body
        );
        let problem: Problem =
            serde_json::from_str(&self.body).unwrap_or_else(|err| panic!("not a problem body {}: {err}", self.body));
        assert_eq!(problem.code.as_str(), code, "problem code; body: {}", self.body);
        assert_eq!(problem.status, status.as_u16());
        problem
    }
}

impl TestApp {
    /// A connection to the test's database.
    pub fn conn(&self) -> backend::db::PooledConn {
        self.state.pool.get().unwrap()
    }

    /// Runs blocking database work for fixtures and checks.
    pub fn with_db<T>(&self, work: impl FnOnce(&mut DbConnection) -> T) -> T {
        work(&mut self.conn())
    }

    /// Sends a request with an optional bearer token and an optional JSON body, as a
    /// client that has just read the record it changes: a change of a versioned record
    /// carries `If-Match` with the record's current version (see [`TestApp::current_etag`]).
    /// Tests of the version checks themselves use [`TestApp::send_if_match`].
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&serde_json::Value>,
    ) -> Reply {
        let etag = self.current_etag(&method, path, token).await;
        self.send_if_match(method, path, token, etag.as_deref(), body).await
    }

    /// Sends a request with exactly the `If-Match` given (none when `None`).
    pub async fn send_if_match(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        if_match: Option<&str>,
        body: Option<&serde_json::Value>,
    ) -> Reply {
        let method_name = method.clone();
        let mut request = self.client.request(method, format!("{}{path}", self.address));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(if_match) = if_match {
            request = request.header("if-match", if_match);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let reply = read(request.send().await.expect("request sent")).await;
        record_operation(&method_name, path, reply.status);
        reply
    }

    /// The `ETag` a client that has just read the record would send to change it at
    /// `path`: for `PATCH /api/me` the one `GET /api/me` answers; for the other versioned
    /// writes the record's stored version (several of them have no single-record read).
    /// `None` for other requests and for records that do not exist.
    pub async fn current_etag(&self, method: &Method, path: &str, token: Option<&str>) -> Option<String> {
        if *method == Method::PATCH && path == "/api/me" {
            let me = self.send_if_match(Method::GET, "/api/me", token, None, None).await;
            return me.headers.get("etag").and_then(|v| v.to_str().ok()).map(str::to_owned);
        }
        let (table, id) = versioned_target(method, path)?;
        let version = self.stored_version(table, id)?;
        Some(format!("\"{version}\""))
    }

    /// The stored version of a record, when it exists.
    pub fn stored_version(&self, table: &str, id: i64) -> Option<i32> {
        #[derive(diesel::QueryableByName)]
        struct Row {
            #[diesel(sql_type = diesel::sql_types::Integer)]
            version: i32,
        }
        self.with_db(|conn| {
            diesel::sql_query(format!("SELECT version FROM {table} WHERE id = {id}"))
                .get_result::<Row>(conn)
                .ok()
                .map(|row| row.version)
        })
    }

    /// Sends a raw body with a content type.
    pub async fn send_raw(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        content_type: &str,
        body: Vec<u8>,
    ) -> Reply {
        let mut request = self
            .client
            .request(method.clone(), format!("{}{path}", self.address))
            .header("content-type", content_type)
            .body(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let reply = read(request.send().await.expect("request sent")).await;
        record_operation(&method, path, reply.status);
        reply
    }

    /// `GET` with a token.
    pub async fn get(&self, path: &str, token: Option<&str>) -> Reply {
        self.send(Method::GET, path, token, None).await
    }

    /// `POST` of a serialisable body with a token.
    pub async fn post<B: Serialize>(&self, path: &str, token: Option<&str>, body: &B) -> Reply {
        self.send(Method::POST, path, token, Some(&serde_json::to_value(body).unwrap()))
            .await
    }

    /// `PUT` of a serialisable body with a token.
    pub async fn put<B: Serialize>(&self, path: &str, token: Option<&str>, body: &B) -> Reply {
        self.send(Method::PUT, path, token, Some(&serde_json::to_value(body).unwrap()))
            .await
    }

    /// `PATCH` of a serialisable body with a token.
    pub async fn patch<B: Serialize>(&self, path: &str, token: Option<&str>, body: &B) -> Reply {
        self.send(Method::PATCH, path, token, Some(&serde_json::to_value(body).unwrap()))
            .await
    }

    /// Signs in as an API client that keeps its refresh token itself (it comes in the
    /// body, not in a cookie) and returns the token pair.
    pub async fn login(&self, email: &str, password: &str) -> openapi::auth::TokenPair {
        let body = openapi::auth::LoginRequest {
            email: email.to_owned(),
            password: password.to_owned(),
            refresh_token_in_body: true,
        };
        self.post("/api/auth/login", None, &body).await.json(StatusCode::OK)
    }

    /// Loads the demo municipality into the test's (empty) database.
    pub fn load_demo(&self) {
        let storage = self.state.storage.clone();
        let loaded = self
            .with_db(|conn| backend::demo::load_if_empty(conn, storage.as_ref()))
            .unwrap();
        assert!(loaded, "the demo loads into an empty database");
    }

    /// Signs in as a demo account and returns its access token.
    pub async fn demo_token(&self, email: &str) -> String {
        self.login(email, backend::demo::DEMO_PASSWORD).await.access_token
    }
}

/// The table and id of the versioned record a write changes, for the writes that need
/// `If-Match`.
pub fn versioned_target(method: &Method, path: &str) -> Option<(&'static str, i64)> {
    let parts: Vec<&str> = path.split('?').next()?.trim_start_matches("/api/").split('/').collect();
    let id = |index: usize| parts.get(index).and_then(|part| part.parse::<i64>().ok());
    let table = match (method.as_str(), parts.as_slice()) {
        ("PUT", ["projects", _]) => "projects",
        ("PUT", ["resources", _]) => "resources",
        ("PUT", ["structures", _]) | ("POST", ["structures", _, "approval"]) => "structures",
        ("PUT", ["orders", _]) | ("POST", ["orders", _, "issue"]) => "orders",
        ("PUT", ["plan-items", _]) => "plan_items",
        ("PUT", ["indicators", _]) => "indicators",
        ("PUT", ["problems", _]) => "problems",
        ("PUT", ["ranking-rounds", _, "criteria"]) => "ranking_rounds",
        ("PATCH", ["users", _]) => "users",
        ("POST", ["document-versions", _, "review"]) => "document_versions",
        ("POST", ["requests", _, "decision"]) => "requests",
        ("PUT", ["pilots", _]) | ("POST", ["pilots", _, "conclude"]) => "pilots",
        ("PUT", ["risks", _]) => "risks",
        ("PUT", ["cohorts", _]) => "cohorts",
        ("PUT", ["events", _]) | ("POST", ["events", _, "publish" | "cancel"]) => "events",
        ("POST", ["consultations", _, "schedule" | "decline" | "cancel" | "hold"]) => "consultations",
        _ => return None,
    };
    Some((table, id(1)?))
}

/// The version an `ETag` names (`"3"` → 3).
pub fn etag_version(reply: &Reply) -> i32 {
    let tag = reply
        .headers
        .get("etag")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_else(|| panic!("an ETag; status {}, body {}", reply.status, reply.body));
    tag.trim_matches('"')
        .parse()
        .unwrap_or_else(|_| panic!("a strong numeric ETag: {tag}"))
}

/// Appends `METHOD path status` to the file `API_OPERATION_LOG` names, when it is set:
/// `cargo xtask test` reads the lines back to count the documented operations the suite
/// saw succeed. One `write` per line on a file opened for appending, so the lines of
/// tests running in parallel do not interleave.
pub fn record_operation(method: &Method, path: &str, status: StatusCode) {
    let Some(log) = std::env::var_os("API_OPERATION_LOG") else {
        return;
    };
    let path = path.split('?').next().unwrap_or(path);
    let line = format!("{method} {path} {}\n", status.as_u16());
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&log)
        .unwrap_or_else(|err| panic!("cannot open API_OPERATION_LOG {}: {err}", log.display()));
    file.write_all(line.as_bytes()).expect("operation logged");
}

/// Reads a response whole, for requests the helpers above do not shape (cookies, odd
/// headers).
pub async fn read(response: reqwest::Response) -> Reply {
    let status = response.status();
    let headers = response.headers().clone();
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = response.text().await.unwrap_or_default();
    Reply {
        status,
        content_type,
        headers,
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::database_url;

    #[test]
    fn a_database_url_names_the_database_on_the_same_server_and_keeps_the_query() {
        assert_eq!(
            database_url("postgres://postgres@127.0.0.1:5432/postgres", "t_1"),
            "postgres://postgres@127.0.0.1:5432/t_1"
        );
        assert_eq!(
            database_url("postgres://u:p@db/postgres?sslmode=disable", "x"),
            "postgres://u:p@db/x?sslmode=disable"
        );
        assert_eq!(database_url("postgres://u@db:5433", "x"), "postgres://u@db:5433/x");
    }
}
