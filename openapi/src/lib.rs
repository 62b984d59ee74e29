//! The API contract of the innovation platform.
//!
//! Every request and response body of the JSON API lives here, so that the backend
//! (which derives the OpenAPI schema from these types behind the `schema` feature) and
//! the WASM frontend compile against the same definitions. `openapi.json` beside this
//! crate is the generated specification; a test fails when it drifts from the code.

pub mod audit;
pub mod auth;
pub mod cohorts;
pub mod consultations;
pub mod dissemination;
pub mod error;
pub mod events;
pub mod fairs;
pub mod feedback;
pub mod health;
pub mod ids;
pub mod lifecycle;
pub mod limits;
pub mod orders;
pub mod organisations;
pub mod package;
pub mod pagination;
pub mod pilots;
pub mod plan;
pub mod projects;
pub mod ranking;
pub mod requests;
pub mod resources;
pub mod risks;
pub mod structures;
pub mod users;
pub mod wire;

pub use error::{FieldError, FieldErrorCode, Problem, ProblemCode, RefusalReason};
pub use ids::*;
pub use pagination::{CursorQuery, Page, PageQuery, SEARCH_COUNT_CAP};
