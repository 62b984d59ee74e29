//! Organisations of the municipality.

pub mod create;
pub mod get;
pub mod list;
