//! User management by an organisation's administrator.

pub mod create;
pub mod get;
pub mod list;
pub mod reset_password;
pub mod update;
