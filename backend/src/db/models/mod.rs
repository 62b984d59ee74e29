//! One module per table group: rows as diesel reads them, and the queries on them.
//! Functions return `QueryResult`; callers decide the transaction.

/// Defines the version queries of a table with `id` and `version` columns: `claim`
/// (the conditional update a change makes) and `bump` (a write that needs no `If-Match`).
macro_rules! versioned {
    ($table:ident) => {
        /// Moves the record from version `expected` to the next one, only if it is still
        /// at `expected`; `false` when another writer changed it first. On PostgreSQL the
        /// update takes the row's lock, so a concurrent writer waits and then finds the
        /// version moved on.
        pub fn claim(conn: &mut crate::db::DbConnection, id: i64, expected: i32) -> diesel::QueryResult<bool> {
            use crate::db::schema::$table::dsl;
            use diesel::prelude::*;
            diesel::update(
                dsl::$table
                    .filter(dsl::id.eq(id))
                    .filter(dsl::version.eq(expected)),
            )
            .set(dsl::version.eq(dsl::version + 1))
            .execute(conn)
            .map(|rows| rows == 1)
        }

        /// Moves the record to its next version after a write that names none.
        pub fn bump(conn: &mut crate::db::DbConnection, id: i64) -> diesel::QueryResult<()> {
            use crate::db::schema::$table::dsl;
            use diesel::prelude::*;
            diesel::update(dsl::$table.filter(dsl::id.eq(id)))
                .set(dsl::version.eq(dsl::version + 1))
                .execute(conn)
                .map(|_| ())
        }
    };
}

pub mod attachment;
pub mod audit;
pub mod certificate;
pub mod cohort;
pub mod consultation;
pub mod delivery;
pub mod dissemination;
pub mod enrolment;
pub mod event;
pub mod fair;
pub mod fair_results;
pub mod feedback;
pub mod feedback_link;
pub mod login_failure;
pub mod order;
pub mod organisation;
pub mod package;
pub mod pilot;
pub mod plan;
pub mod project;
pub mod ranking;
pub mod refresh_token;
pub mod registry;
pub mod request;
pub mod resource;
pub mod risk;
pub mod session;
pub mod storage_use;
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

/// A search's text (a `LIKE` pattern, a term) as a bind parameter that keeps its statement out of diesel's
/// prepared-statement cache (an SQL literal does), so that PostgreSQL plans the statement
/// with the value each time. A cached statement run with other terms gets PostgreSQL's
/// generic plan after five runs, which cannot tell a common word from a rare one: a
/// search within one school intersected the trigram index's 20,000 matches of «ресурс»
/// with the school's 34 rows (2.4 ms) instead of reading those rows (0.5 ms). SQLite
/// plans without the values either way.
pub fn planned_with(
    value: String,
) -> diesel::expression::UncheckedBind<
    diesel::expression::SqlLiteral<diesel::sql_types::Text>,
    <String as diesel::expression::AsExpression<diesel::sql_types::Text>>::Expression,
> {
    diesel::dsl::sql::<diesel::sql_types::Text>("").bind::<diesel::sql_types::Text, _>(value)
}

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
    /// `cohorts` (its places and waiting list, while teachers enrol and withdraw).
    Cohort,
    /// `organisations` (its series of certificate numbers; what it stores, while a file
    /// is recorded against its quota).
    Organisation,
    /// `events` (its places, while a registration takes one).
    Event,
    /// `deliveries` (its feedback links, while one is issued).
    Delivery,
    /// `pilots` (whether it is concluded, while a file is attached).
    Pilot,
}

impl Locked {
    fn table(self) -> &'static str {
        match self {
            Self::Project => "projects",
            Self::Resource => "resources",
            Self::Structure => "structures",
            Self::DocumentVersion => "document_versions",
            Self::Cohort => "cohorts",
            Self::Organisation => "organisations",
            Self::Event => "events",
            Self::Delivery => "deliveries",
            Self::Pilot => "pilots",
        }
    }
}

/// Locks one row until the end of the current transaction, so that concurrent writers of
/// the same record go one after another: on PostgreSQL with `SELECT … FOR NO KEY
/// UPDATE`, the lock an `UPDATE` of the row takes (so a lock and a version claim wait for
/// each other too) and one that leaves inserts of rows referring to it free (a school's
/// row locked for its quota blocks none of its other writes); on SQLite the write
/// transaction holds the database's write lock from its start (`BEGIN IMMEDIATE`), so
/// there is nothing more to take.
pub fn lock(conn: &mut crate::db::DbConnection, table: Locked, id: i64) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    if let crate::db::DbConnection::Postgresql(pg) = conn {
        diesel::sql_query(format!(
            "SELECT id FROM {} WHERE id = $1 FOR NO KEY UPDATE",
            table.table()
        ))
        .bind::<diesel::sql_types::BigInt, _>(id)
        .execute(pg)?;
    }
    Ok(())
}
