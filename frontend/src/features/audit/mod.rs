//! The change log: its rows, and one record's history.

pub mod audit_history;
pub mod audit_row;
