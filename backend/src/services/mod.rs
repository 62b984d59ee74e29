//! Use cases: one function per operation of the API, over a database connection and the
//! signed-in user. Each loads what it needs with the access check (`access`), decides
//! through the pure rules of `domain/`, writes through `db::models` and records the
//! audit event, in one transaction; it returns the API's representation. Handlers only
//! extract, call and respond; nothing here knows HTTP.

pub mod access;
pub mod attachments;
#[cfg(test)]
mod demo_school;
pub mod orders;
pub mod package;
pub mod plan;

use crate::auth::CurrentUser;
use crate::db::DbConnection;
use crate::error::ApiError;
use diesel::Connection;

/// The result of a use case.
pub type Outcome<T> = Result<T, ApiError>;

/// The signed-in user a use case acts for.
pub type Caller = CurrentUser;

/// Runs `work` as one write transaction: everything it wrote is kept, or nothing.
pub fn write<T>(conn: &mut DbConnection, work: impl FnOnce(&mut DbConnection) -> Outcome<T>) -> Outcome<T> {
    conn.transaction(work)
}
