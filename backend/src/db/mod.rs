//! Database access: one connection type over SQLite and PostgreSQL, the pool, the
//! embedded migrations, and `run` to execute blocking diesel work off the async workers.

pub mod models;
pub mod read_model;
pub mod schema;

use crate::error::ApiError;
use anyhow::Context;
use diesel::connection::SimpleConnection;
use diesel::migration::MigrationSource;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, ManageConnection, Pool, PooledConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");
const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

/// A connection to either database. SQLite stays last: it accepts any string as a path.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    /// A PostgreSQL connection (`postgres://…`).
    Postgresql(PgConnection),
    /// An embedded SQLite file.
    Sqlite(SqliteConnection),
}

/// The connection pool shared by all workers.
pub type DbPool = Pool<Manager>;
/// A connection checked out of the pool.
pub type PooledConn = PooledConnection<Manager>;

/// How long a connection back in the pool counts as known good: checked out again
/// within this time it is handed out as it is; after it, it is tested with a `SELECT 1`
/// first.
const KNOWN_GOOD: Duration = Duration::from_secs(1);

/// The pool's connections: diesel's manager, testing a connection at check-out only
/// when it sat idle longer than [`KNOWN_GOOD`]. Under load a request's checkout costs no
/// round trip of its own (a `SELECT 1` before each request's query was half of what
/// `/api/me` asked PostgreSQL); an idle pool is still tested, so that a database that
/// restarted in the meantime costs no request. A connection found lost while it served
/// a request (`503 database_unavailable`) is marked and closed on return.
#[derive(Debug)]
pub struct Manager(ConnectionManager<DbConnection>);

/// A pooled connection, when it last came back to the pool, and whether it was lost.
pub struct Pooled {
    conn: DbConnection,
    returned: Instant,
    lost: bool,
}

impl Pooled {
    /// Marks the connection lost: the pool closes it instead of handing it out again.
    pub fn mark_lost(&mut self) {
        self.lost = true;
    }
}

impl std::ops::Deref for Pooled {
    type Target = DbConnection;

    fn deref(&self) -> &DbConnection {
        &self.conn
    }
}

impl std::ops::DerefMut for Pooled {
    fn deref_mut(&mut self) -> &mut DbConnection {
        &mut self.conn
    }
}

impl ManageConnection for Manager {
    type Connection = Pooled;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<Pooled, Self::Error> {
        self.0.connect().map(|conn| Pooled {
            conn,
            returned: Instant::now(),
            lost: false,
        })
    }

    fn is_valid(&self, conn: &mut Pooled) -> Result<(), Self::Error> {
        if conn.returned.elapsed() < KNOWN_GOOD {
            return Ok(());
        }
        self.0.is_valid(&mut conn.conn)
    }

    /// Asked as the connection comes back to the pool.
    fn has_broken(&self, conn: &mut Pooled) -> bool {
        conn.returned = Instant::now();
        conn.lost || self.0.has_broken(&mut conn.conn)
    }
}

/// Which database engine a URL points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// PostgreSQL.
    Postgresql,
    /// SQLite.
    Sqlite,
}

impl Engine {
    /// The engine of a connection.
    pub fn of(conn: &DbConnection) -> Self {
        match conn {
            DbConnection::Postgresql(_) => Self::Postgresql,
            DbConnection::Sqlite(_) => Self::Sqlite,
        }
    }

    /// Tells the engine from a database URL.
    pub fn of_url(url: &str) -> Self {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Self::Postgresql
        } else {
            Self::Sqlite
        }
    }

    /// The engine's name as shown in `/readyz`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Postgresql => "postgresql",
            Self::Sqlite => "sqlite",
        }
    }
}

/// Prepares every new connection: SQLite's pragmas (the busy timeout must come first, or
/// parallel connects fail with "database is locked"), PostgreSQL's statement timeout.
#[derive(Debug, Clone, Copy)]
struct ConnectionSetup {
    statement_timeout: Option<Duration>,
}

impl CustomizeConnection<Pooled, diesel::r2d2::Error> for ConnectionSetup {
    fn on_acquire(&self, conn: &mut Pooled) -> Result<(), diesel::r2d2::Error> {
        match &mut conn.conn {
            DbConnection::Sqlite(conn) => conn.batch_execute(
                "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                 PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
            ),
            DbConnection::Postgresql(conn) => conn.batch_execute(&statement_timeout_sql(self.statement_timeout)),
        }
        .map_err(diesel::r2d2::Error::QueryError)
    }
}

/// The `SET` of PostgreSQL's statement timeout in milliseconds (`0`: no limit).
fn statement_timeout_sql(timeout: Option<Duration>) -> String {
    let millis = timeout.map_or(0, |timeout| timeout.as_millis());
    format!("SET statement_timeout = {millis}")
}

/// Sets PostgreSQL's statement timeout of one connection; nothing on SQLite.
fn set_statement_timeout(conn: &mut DbConnection, timeout: Option<Duration>) -> QueryResult<()> {
    match conn {
        DbConnection::Postgresql(conn) => conn.batch_execute(&statement_timeout_sql(timeout)),
        DbConnection::Sqlite(_) => Ok(()),
    }
}

/// Opens the pool without a statement timeout (the server's commands: migrate, seed,
/// create-admin) and applies pending migrations.
pub fn connect(url: &str, max_size: u32) -> anyhow::Result<DbPool> {
    connect_with(url, max_size, None)
}

/// Opens the pool and applies pending migrations. On PostgreSQL every connection cancels
/// a statement that runs longer than `statement_timeout` (`None`: no limit); the
/// migrations themselves run without it.
///
/// A PostgreSQL URL is probed with a plain connection first, so that a server that is
/// down is reported with its real cause instead of the pool's generic error.
pub fn connect_with(url: &str, max_size: u32, statement_timeout: Option<Duration>) -> anyhow::Result<DbPool> {
    let engine = Engine::of_url(url);
    if engine == Engine::Postgresql {
        PgConnection::establish(url).with_context(|| format!("cannot connect to PostgreSQL at {}", redact(url)))?;
    }
    let pool = Pool::builder()
        .max_size(max_size)
        .connection_timeout(Duration::from_secs(5))
        .connection_customizer(Box::new(ConnectionSetup { statement_timeout }))
        .build(Manager(ConnectionManager::<DbConnection>::new(url)))
        .with_context(|| format!("cannot open the database at {}", redact(url)))?;
    let mut conn = pool.get().context("cannot take a connection from the pool")?;
    set_statement_timeout(&mut conn, None)?;
    migrate(&mut conn)?;
    read_model::years::catch_up(&mut conn).context("cannot bring the read model's school years up to date")?;
    if let DbConnection::Sqlite(conn) = &mut **conn {
        // The planner's statistics, gathered for the tables that have none or have grown
        // much since (SQLite's advice for a long-lived database; PostgreSQL's autovacuum
        // does it there).
        conn.batch_execute("PRAGMA optimize = 0x10002;")
            .context("cannot gather the planner's statistics")?;
    }
    set_statement_timeout(&mut conn, statement_timeout)?;
    Ok(pool)
}

/// Applies the migrations of the connection's engine that have not run yet.
///
/// When every migration is recorded as applied already, nothing is executed: the harness
/// would first `CREATE TABLE IF NOT EXISTS` its bookkeeping table, which a PostgreSQL
/// role without the CREATE privilege (the application's role of the README, which
/// cannot alter the audit trail either) is refused even when the table exists.
pub fn migrate(conn: &mut DbConnection) -> anyhow::Result<()> {
    if all_applied(conn) {
        return Ok(());
    }
    let result = match conn {
        DbConnection::Postgresql(conn) => conn.run_pending_migrations(POSTGRES_MIGRATIONS).map(|_| ()),
        DbConnection::Sqlite(conn) => conn.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ()),
    };
    result.map_err(|err| anyhow::anyhow!("cannot apply migrations: {err}"))
}

/// Whether every embedded migration of the connection's engine is recorded as applied,
/// read with a plain `SELECT` (false when the bookkeeping table cannot be read).
fn all_applied(conn: &mut DbConnection) -> bool {
    #[derive(QueryableByName)]
    struct Applied {
        #[diesel(sql_type = diesel::sql_types::Text)]
        version: String,
    }
    let embedded: Option<Vec<String>> = match conn {
        DbConnection::Postgresql(_) => MigrationSource::<diesel::pg::Pg>::migrations(&POSTGRES_MIGRATIONS)
            .ok()
            .map(|all| all.iter().map(|m| m.name().version().to_string()).collect()),
        DbConnection::Sqlite(_) => MigrationSource::<diesel::sqlite::Sqlite>::migrations(&SQLITE_MIGRATIONS)
            .ok()
            .map(|all| all.iter().map(|m| m.name().version().to_string()).collect()),
    };
    let Some(embedded) = embedded else { return false };
    let Ok(applied) = diesel::sql_query("SELECT version FROM __diesel_schema_migrations").load::<Applied>(conn) else {
        return false;
    };
    let applied: std::collections::HashSet<String> = applied.into_iter().map(|row| row.version).collect();
    embedded.iter().all(|version| applied.contains(version))
}

/// Runs the cheapest query there is, to tell that the database answers.
pub fn ping(conn: &mut DbConnection) -> QueryResult<()> {
    diesel::sql_query("SELECT 1").execute(conn).map(|_| ())
}

/// Hides the password of a database URL for logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Requests in this process waiting for a pooled database connection right now.
static WAITING_FOR_CONNECTION: AtomicI64 = AtomicI64::new(0);

/// The requests of this process waiting for a pooled connection now (a gauge of the
/// metrics).
pub fn waiting_for_connection() -> i64 {
    WAITING_FOR_CONNECTION.load(Ordering::Relaxed).max(0)
}

/// Counts a request as waiting for a database connection until the guard is dropped.
struct Waiting(());

impl Waiting {
    /// Starts waiting.
    fn start() -> Self {
        WAITING_FOR_CONNECTION.fetch_add(1, Ordering::Relaxed);
        Self(())
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        WAITING_FOR_CONNECTION.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Runs blocking database work on the blocking thread pool with a pooled connection.
///
/// A pool that cannot hand out a connection in time means the database is unreachable:
/// that becomes `503 database_unavailable`.
pub async fn run<T, F>(pool: &DbPool, work: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
    T: Send + 'static,
{
    let pool = pool.clone();
    actix_web::web::block(move || {
        let waiting = Waiting::start();
        let mut conn = pool.get().map_err(|err| {
            tracing::warn!(error = %err, "no database connection available");
            ApiError::DatabaseUnavailable
        })?;
        drop(waiting);
        let done = work(&mut conn);
        if matches!(done, Err(ApiError::DatabaseUnavailable)) {
            conn.mark_lost();
        }
        done
    })
    .await
    .map_err(|err| ApiError::Internal(anyhow::anyhow!("blocking task failed: {err}")))?
}

#[cfg(test)]
#[path = "fair_integrity_tests.rs"]
mod fair_integrity_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_hides_only_the_password() {
        assert_eq!(
            redact("postgres://app:secret@db:5432/x"),
            "postgres://app:***@db:5432/x"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1/x"),
            "postgres://postgres@127.0.0.1/x"
        );
        assert_eq!(redact("data/app.db"), "data/app.db");
    }

    #[test]
    fn the_statement_timeout_is_set_in_milliseconds_and_zero_disables_it() {
        assert_eq!(
            statement_timeout_sql(Some(Duration::from_secs(30))),
            "SET statement_timeout = 30000"
        );
        assert_eq!(statement_timeout_sql(None), "SET statement_timeout = 0");
    }

    #[test]
    fn a_migrated_database_is_told_apart_from_a_fresh_one() {
        let mut conn = DbConnection::establish(":memory:").unwrap();
        assert!(!all_applied(&mut conn));
        migrate(&mut conn).unwrap();
        assert!(all_applied(&mut conn));
        diesel::sql_query("DELETE FROM __diesel_schema_migrations WHERE version = (SELECT max(version) FROM __diesel_schema_migrations)")
            .execute(&mut conn)
            .unwrap();
        assert!(!all_applied(&mut conn), "one migration missing");
    }

    #[test]
    fn engine_is_told_by_the_url_scheme() {
        assert_eq!(Engine::of_url("postgresql://h/db"), Engine::Postgresql);
        assert_eq!(Engine::of_url("./data/app.db"), Engine::Sqlite);
    }
}
