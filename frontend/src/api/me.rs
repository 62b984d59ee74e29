//! `/api/me`: the signed-in user's own account.

use super::ApiError;
use super::client::Call;
use openapi::auth::TokenPair;
use openapi::plan::{Reminder, WaitingItem};
use openapi::users::{ChangePassword, Me, UpdateMe};

/// `GET /api/me`: who is signed in.
pub async fn get_me() -> Result<Me, ApiError> {
    Call::get("/api/me").send().await
}

/// `PATCH /api/me`: changes the full name or the interface language.
/// Made on the record's `version` as read (`If-Match`); a stale one is refused with `412`.
pub async fn update_me(version: i32, changes: &UpdateMe) -> Result<Me, ApiError> {
    Call::patch("/api/me").if_match(version).json(changes).send().await
}

/// `POST /api/me/password`: changes the password; every older session is revoked and the
/// answer is the new access token for this one (its refresh token comes as the cookie).
pub async fn change_password(change: &ChangePassword) -> Result<TokenPair, ApiError> {
    Call::post("/api/me/password").json(change).send().await
}

/// `GET /api/me/approvals`: what waits for the signed-in user's decision.
pub async fn approvals() -> Result<Vec<WaitingItem>, ApiError> {
    Call::get("/api/me/approvals").send().await
}

/// `GET /api/me/reminders`: the user's plan items due soon or overdue.
pub async fn reminders() -> Result<Vec<Reminder>, ApiError> {
    Call::get("/api/me/reminders").send().await
}
