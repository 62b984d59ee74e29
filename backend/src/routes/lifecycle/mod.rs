//! Moving a resource through the five-step lifecycle.

pub mod history;
pub mod transition;
