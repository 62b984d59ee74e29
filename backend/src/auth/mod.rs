//! Authentication: password hashes, access tokens (JWT), the `Session` extractor and the signed-in `CurrentUser`.

pub mod current_user;
pub mod jwt;
pub mod password;

pub use current_user::{CurrentUser, Session};
pub use jwt::JwtKeys;
