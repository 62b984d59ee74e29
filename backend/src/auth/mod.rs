//! Authentication: password hashes, access tokens (JWT), and the `CurrentUser` extractor.

pub mod current_user;
pub mod jwt;
pub mod password;

pub use current_user::{CurrentUser, Session};
pub use jwt::JwtKeys;
