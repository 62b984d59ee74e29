//! Consumer requests.

pub mod create;
pub mod decide;
pub mod get;
pub mod list;
