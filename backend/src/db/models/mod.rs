//! One module per table group: rows as diesel reads them, and the queries on them.
//! Functions return `QueryResult`; callers decide the transaction.

pub mod attachment;
pub mod audit;
pub mod delivery;
pub mod feedback;
pub mod login_failure;
pub mod order;
pub mod organisation;
pub mod package;
pub mod plan;
pub mod project;
pub mod ranking;
pub mod refresh_token;
pub mod registry;
pub mod request;
pub mod resource;
pub mod structure;
pub mod transition;
pub mod user;
pub mod version;

/// The SQL backend of [`crate::db::DbConnection`], for boxed queries.
pub type Backend = <crate::db::DbConnection as diesel::Connection>::Backend;

/// The current time in UTC, truncated to microseconds as both databases store it.
pub fn now() -> chrono::NaiveDateTime {
    let now = chrono::Utc::now().naive_utc();
    chrono::DurationRound::duration_trunc(now, chrono::TimeDelta::microseconds(1)).unwrap_or(now)
}

pub use crate::domain::pagination::PageRequest;

/// A table whose rows a write transaction may lock: the parent of a numbered series, or a
/// record whose state a concurrent write must not change under the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locked {
    /// `projects` (the series of package document versions).
    Project,
    /// `resources` (the series of resource versions).
    Resource,
    /// `structures` (the series of approvals).
    Structure,
    /// `document_versions` (its review status, while a file is attached).
    DocumentVersion,
}

impl Locked {
    fn table(self) -> &'static str {
        match self {
            Self::Project => "projects",
            Self::Resource => "resources",
            Self::Structure => "structures",
            Self::DocumentVersion => "document_versions",
        }
    }
}

/// Locks one row until the end of the current transaction, so that concurrent writers of
/// the same record go one after another: on PostgreSQL with `SELECT … FOR UPDATE`; on
/// SQLite the write transaction holds the database's write lock from its start
/// (`BEGIN IMMEDIATE`), so there is nothing more to take.
pub fn lock(conn: &mut crate::db::DbConnection, table: Locked, id: i64) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    if let crate::db::DbConnection::Postgresql(pg) = conn {
        diesel::sql_query(format!("SELECT id FROM {} WHERE id = $1 FOR UPDATE", table.table()))
            .bind::<diesel::sql_types::BigInt, _>(id)
            .execute(pg)?;
    }
    Ok(())
}
