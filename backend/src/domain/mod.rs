//! Rules with no I/O: parsing of request values into valid domain values, and who may
//! do what. Unit-tested without a database.

pub mod certificates;
pub mod cohorts;
pub mod consultations;
pub mod csv;
pub mod dissemination;
pub mod error;
pub mod events;
pub mod fairs;
pub mod feedback;
pub mod files;
pub mod indicators;
pub mod lifecycle;
pub mod metrics;
pub mod orders;
pub mod organisations;
pub mod package;
pub mod pagination;
pub mod pilots;
pub mod plan;
pub mod policy;
pub mod projects;
pub mod quota;
pub mod ranking;
pub mod requests;
pub mod resources;
pub mod risks;
pub mod structures;
pub mod text;
pub mod throttle;
pub mod users;
