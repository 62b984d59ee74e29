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
