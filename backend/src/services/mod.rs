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
pub mod deliveries;
pub mod feedback;
pub mod lifecycle;
pub mod me;
pub mod metrics;
pub mod orders;
pub mod organisations;
pub mod package;
pub mod plan;
pub mod projects;
pub mod ranking;
pub mod registry;
pub mod requests;
#[cfg(test)]
mod resource_fixtures;
pub mod resources;
#[cfg(test)]
mod seeded;
pub mod structures;
pub mod users;
pub mod versions;

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
