//! Typed access to the platform's JSON API: one async function per endpoint, returning the
//! shared DTOs of the `openapi` crate or an [`ApiError`].

pub mod attachments;
pub mod audit;
pub mod auth;
pub mod catalogue;
pub mod client;
pub mod cohorts;
pub mod consultations;
pub mod deliveries;
pub mod dissemination;
pub mod events;
pub mod lifecycle;
pub mod me;
pub mod orders;
pub mod organisations;
pub mod package;
pub mod pilots;
pub mod plan;
pub mod projects;
pub mod ranking;
pub mod registry;
pub mod requests;
pub mod resources;
pub mod risks;
pub mod session;
pub mod structures;
pub mod users;

pub use client::ApiError;
