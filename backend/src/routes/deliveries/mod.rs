//! Deliveries of resources to consumer schools.

pub mod confirm;
pub mod create;
pub mod list;
