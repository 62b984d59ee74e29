//! Sign-in, token refresh and sign-out.

use crate::users::Me;
use serde::{Deserialize, Serialize};

/// E-mail and password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    /// The sign-in e-mail (case-insensitive).
    pub email: String,
    /// The password.
    pub password: String,
}

/// A refresh token to exchange or revoke.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct RefreshRequest {
    /// The refresh token from the last sign-in or refresh; it is single-use.
    pub refresh_token: String,
}

/// A new pair of tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct TokenPair {
    /// A JWT (HS256) to send as `Authorization: Bearer <token>`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// An opaque single-use token that buys a new pair at `/api/auth/refresh`.
    pub refresh_token: String,
    /// Seconds until the refresh token expires.
    pub refresh_expires_in: i64,
    /// The signed-in user.
    pub user: Me,
}
