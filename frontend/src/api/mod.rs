//! Typed access to the platform's JSON API: one async function per endpoint, returning the
//! shared DTOs of the `openapi` crate or an [`ApiError`].

pub mod audit;
pub mod auth;
pub mod client;
pub mod me;
pub mod organisations;
pub mod projects;
pub mod resources;
pub mod session;
pub mod users;

pub use client::ApiError;
