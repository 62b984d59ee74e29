//! The pages of the platform, one per route and one component per file.

pub mod home;
pub mod login;
pub mod not_found;
pub mod organisations;
pub mod profile;
pub mod users;
