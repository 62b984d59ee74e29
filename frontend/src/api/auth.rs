//! `/api/auth`: sign-in and sign-out (the token refresh is the client's own, see
//! [`super::client::refresh_after`]). The refresh token never reaches this code: the
//! server keeps it in an HttpOnly cookie on `/api/auth`, which the browser sends with
//! these calls (same origin) and nowhere else.

use super::ApiError;
use super::client::Call;
use openapi::auth::{LoginRequest, RefreshRequest, TokenPair};

/// `POST /api/auth/login`: exchanges an e-mail and password for an access token; the
/// refresh token is set as the cookie.
pub async fn login(request: &LoginRequest) -> Result<TokenPair, ApiError> {
    Call::post("/api/auth/login").json(request).send_public().await
}

/// `POST /api/auth/logout`: revokes the cookie's session and removes the cookie.
pub async fn logout() -> Result<(), ApiError> {
    Call::post("/api/auth/logout")
        .json(&RefreshRequest::default())
        .send_public()
        .await
}
