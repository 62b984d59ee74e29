//! Versions of a resource and their files.

pub mod create;
pub mod download;
pub mod list;
pub mod upload;
