//! Satisfaction feedback: in the app, or through a signed single-use link.

pub mod link;
pub mod list;
pub mod public;
pub mod submit;
