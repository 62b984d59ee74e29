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
