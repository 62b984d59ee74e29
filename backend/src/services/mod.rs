//! Use cases: one function per operation of the API, over a database connection and the
//! signed-in user. Each loads what it needs with the access check (`access`), decides
//! through the pure rules of `domain/`, writes through `db::models` and records the
//! audit event, in one transaction; it returns the API's representation. Handlers only
//! extract, call and respond; nothing here knows HTTP.

pub mod access;
pub mod approvals;
pub mod attachments;
pub mod audit;
pub mod auth;
pub mod catalogue;
pub mod cohorts;
pub mod concurrency;
pub mod consultations;
pub mod deliveries;
pub mod dissemination;
pub mod enrolments;
pub mod events;
pub mod fairs;
pub mod feedback;
pub mod feedback_links;
pub mod lifecycle;
pub mod me;
pub mod metrics;
pub mod orders;
pub mod organisations;
pub mod package;
pub mod pilots;
pub mod plan;
pub mod projects;
pub mod ranking;
pub mod registry;
pub mod requests;
#[cfg(test)]
mod resource_fixtures;
pub mod resources;
pub mod risks;
#[cfg(test)]
pub(crate) mod seeded;
pub mod structures;
pub mod users;
pub mod versions;

use crate::auth::CurrentUser;
use crate::db::{DbConnection, read_model};
use crate::error::ApiError;
use diesel::Connection;
use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::result::Error as DieselError;

/// The result of a use case.
pub type Outcome<T> = Result<T, ApiError>;

/// The signed-in user a use case acts for.
pub type Caller = CurrentUser;

/// Runs `work` as one write transaction: everything it wrote is kept, or nothing.
///
/// On SQLite the transaction begins with `BEGIN IMMEDIATE`: it takes the write lock up
/// front (waiting up to the connection's busy timeout), so a transaction that first reads
/// and then writes is never refused half-way because another writer went first, which a
/// deferred transaction in WAL mode is, at once and without waiting. When the lock is
/// still held after the busy timeout, the error becomes `503` with `Retry-After`. On
/// PostgreSQL the conditional `UPDATE`s of the use cases serialise the writers of one
/// record through its row lock. Inside an open transaction (a nested call) the work runs
/// in a savepoint, as diesel does.
///
/// Before it commits, the transaction recomputes the read model's school years its writes
/// marked ([`read_model::years::settle`]).
pub fn write<T>(conn: &mut DbConnection, work: impl FnOnce(&mut DbConnection) -> Outcome<T>) -> Outcome<T> {
    let work = |conn: &mut DbConnection| {
        let value = work(conn)?;
        read_model::years::settle(conn)?;
        Ok(value)
    };
    let DbConnection::Sqlite(sqlite) = conn else {
        return conn.transaction(work);
    };
    match AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE") {
        Ok(()) => {}
        Err(DieselError::AlreadyInTransaction) => return conn.transaction(work),
        Err(err) => return Err(err.into()),
    }
    let result = work(conn);
    let DbConnection::Sqlite(sqlite) = conn else {
        return Err(ApiError::Internal(anyhow::anyhow!("the connection changed its engine")));
    };
    match result {
        Ok(value) => {
            AnsiTransactionManager::commit_transaction(sqlite)?;
            Ok(value)
        }
        Err(err) => match AnsiTransactionManager::rollback_transaction(sqlite) {
            Ok(()) | Err(DieselError::BrokenTransactionManager) => Err(err),
            Err(rollback) => Err(rollback.into()),
        },
    }
}
