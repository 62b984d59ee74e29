//! The pages of the platform, one per route and one component per file.

pub mod approvals;
pub mod audit;
pub mod board;
pub mod catalogue;
pub mod consultations;
pub mod dissemination;
pub mod event;
pub mod events;
pub mod fair_results;
pub mod feedback;
pub mod home;
pub mod login;
pub mod not_found;
pub mod order_print;
pub mod organisations;
pub mod profile;
pub mod project;
pub mod projects;
pub mod ranking;
pub mod registry;
pub mod requests;
pub mod resource;
pub mod users;
