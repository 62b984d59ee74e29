//! Sign-in, refresh and sign-out.

pub mod login;
pub mod logout;
pub mod refresh;
