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
use std::path::PathBuf;

/// The signing secret the spawned apps use, so tests can mint their own tokens.
pub const JWT_SECRET: &str = "test-secret-that-is-long-enough-for-hs256";

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
                let base = server
                    .rsplit_once('/')
                    .map(|(base, _)| base.to_owned())
                    .unwrap_or(server);
                Self {
                    url: format!("{base}/{name}"),
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
    _database: TestDatabase,
}

/// Starts the application on a fresh database.
pub async fn spawn_app() -> TestApp {
    spawn_app_sized(Some(1), 4).await
}

/// Starts the application on a fresh database with `workers` HTTP workers (`None`: one
/// per core, as in production) and `pool` database connections.
pub async fn spawn_app_sized(workers: Option<usize>, pool: u32) -> TestApp {
    let database = TestDatabase::create(Database::selected());
    let settings = Settings {
        host: "127.0.0.1".to_owned(),
        port: 0,
        data_dir: database.dir.clone(),
        database_url: Some(database.url.clone()),
        jwt_secret: Some(JWT_SECRET.to_owned()),
        static_dir: database.dir.join("no-web-app"),
        demo_data: false,
        db_pool_size: pool,
        workers,
        log_format: "json".to_owned(),
    };
    let app = Application::build(&settings).expect("the application starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state().clone();
    tokio::spawn(app.run_until_stopped());
    let data_dir = database.dir.clone();
    TestApp {
        address,
        client: reqwest::Client::new(),
        state,
        data_dir,
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

    /// Sends a request with an optional bearer token and an optional JSON body.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&serde_json::Value>,
    ) -> Reply {
        let mut request = self.client.request(method, format!("{}{path}", self.address));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        read(request.send().await.expect("request sent")).await
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
            .request(method, format!("{}{path}", self.address))
            .header("content-type", content_type)
            .body(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        read(request.send().await.expect("request sent")).await
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

    /// Signs in and returns the token pair.
    pub async fn login(&self, email: &str, password: &str) -> openapi::auth::TokenPair {
        let body = openapi::auth::LoginRequest {
            email: email.to_owned(),
            password: password.to_owned(),
        };
        self.post("/api/auth/login", None, &body).await.json(StatusCode::OK)
    }
}

async fn read(response: reqwest::Response) -> Reply {
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
