//! The signed-in user's own profile.

pub mod approvals;
pub mod change_password;
pub mod get;
pub mod update;
