//! `/api/auth`: sign-in, token refresh and sign-out.

use super::ApiError;
use super::client::Call;
use openapi::auth::{LoginRequest, RefreshRequest, TokenPair};

/// `POST /api/auth/login`: exchanges an e-mail and password for a pair of tokens.
pub async fn login(request: &LoginRequest) -> Result<TokenPair, ApiError> {
    Call::post("/api/auth/login").json(request).send_public().await
}

/// `POST /api/auth/refresh`: exchanges the single-use refresh token for a new pair.
pub async fn refresh(refresh_token: String) -> Result<TokenPair, ApiError> {
    Call::post("/api/auth/refresh")
        .json(&RefreshRequest { refresh_token })
        .send_public()
        .await
}

/// `POST /api/auth/logout`: revokes the refresh token.
pub async fn logout(refresh_token: String) -> Result<(), ApiError> {
    Call::post("/api/auth/logout")
        .json(&RefreshRequest { refresh_token })
        .send_bearer_only()
        .await
}
