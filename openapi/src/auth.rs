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
    /// `true`: return the refresh token in the answer's `refresh_token` (a client that
    /// keeps it itself, such as a server-to-server integration). Otherwise it is set as
    /// the HttpOnly cookie `refresh_token` (path `/api/auth`) and left out of the body.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refresh_token_in_body: bool,
}

/// The refresh token to exchange or revoke. Leave it out to use the `refresh_token`
/// cookie set at sign-in (the web app); the answer then delivers the successor the same
/// way it came.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct RefreshRequest {
    /// The refresh token from the last sign-in or refresh; it is single-use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
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
    /// An opaque single-use token that buys a new pair at `/api/auth/refresh`; only when
    /// the client asked for it in the body (`refresh_token_in_body`, or a refresh that
    /// presented its token in the body). Otherwise it is in the HttpOnly `refresh_token`
    /// cookie.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// Seconds until the refresh token expires.
    pub refresh_expires_in: i64,
    /// The signed-in user.
    pub user: Me,
}
