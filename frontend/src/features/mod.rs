//! The web app by feature: each folder holds the components of one area of the
//! regulation, one component per file (with the small components only it uses). A
//! feature uses `ui/` and the API client, and another feature only through its public
//! components.

pub mod accounts;
pub mod audit;
pub mod consultations;
pub mod dissemination;
pub mod events;
pub mod launch;
pub mod lifecycle;
pub mod projects;
pub mod requests;
pub mod resources;
pub mod training;
