//! The innovation platform's API server as a library, so that the binary and the
//! black-box tests build the very same application.

pub mod admin;
pub mod auth;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod docx;
pub mod domain;
pub mod error;
pub mod extract;
pub mod http;
pub mod metrics;
pub mod routes;
pub mod seed;
pub mod services;
pub mod startup;
pub mod state;
pub mod storage;
pub mod telemetry;
