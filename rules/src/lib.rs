//! The platform's pure rules, written once and imported by both the backend (which
//! enforces them) and the web app (which shows only what the server will allow and
//! checks forms before sending them). No I/O, no HTTP or database types; compiles to wasm.

pub mod dates;
pub mod files;
pub mod limits;
pub mod orders;
pub mod plural;
pub mod policy;
