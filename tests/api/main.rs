//! Black-box tests of the API through the running application. The same suite runs on
//! SQLite and PostgreSQL (`TEST_DATABASE=postgres`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests")]

mod audit_trail;
mod auth;
mod auth_behind_proxy;
mod authorization_matrix;
mod bad_input;
mod cohorts;
mod concurrency;
mod consultations;
mod contract;
mod demo;
mod dissemination;
mod events;
mod fairs;
mod feedback;
mod feedback_respondents;
mod hardening;
mod health;
mod launch;
mod lifecycle;
mod limits;
mod lost_updates;
mod me;
mod metrics;
mod organisations;
mod paths;
mod pilots;
mod projects;
mod quota;
mod ranking;
mod read_model;
mod records;
mod requests;
mod resources;
mod school_years;
mod sessions;
mod structures;
mod users;
mod versions;
