//! The pages of the platform, one per route and one component per file.

pub mod audit;
pub mod board;
pub mod catalogue;
pub mod feedback;
pub mod home;
pub mod login;
pub mod not_found;
pub mod organisations;
pub mod profile;
pub mod project;
pub mod projects;
pub mod registry;
pub mod requests;
pub mod resource;
pub mod users;
