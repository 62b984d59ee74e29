//! Educational resources of a school's projects.

pub mod create;
pub mod get;
pub mod list;
pub mod update;
