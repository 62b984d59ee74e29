//! `/api/organisations/{id}/users` and `/api/users/{id}`: accounts managed by an
//! organisation's administrator.

use super::ApiError;
use super::client::Call;
use openapi::users::{CreateUser, PasswordReset, UpdateUser, User, UserFilter};
use openapi::{OrganisationId, Page, PageQuery, UserId};

/// `GET /api/organisations/{id}/users`: one page of the organisation's accounts.
pub async fn list_users(
    organisation: OrganisationId,
    filter: &UserFilter,
    page: PageQuery,
) -> Result<Page<User>, ApiError> {
    Call::get(format!("/api/organisations/{organisation}/users"))
        .query("q", filter.q.as_ref())
        .query("role", filter.role.map(|role| role.as_str()))
        .query("active", filter.active)
        .query("page", page.page)
        .query("per_page", page.per_page)
        .send()
        .await
}

/// `POST /api/organisations/{id}/users`: creates an account in the organisation.
pub async fn create_user(organisation: OrganisationId, user: &CreateUser) -> Result<User, ApiError> {
    Call::post(format!("/api/organisations/{organisation}/users"))
        .json(user)
        .send()
        .await
}

/// `GET /api/users/{id}`: one account (as it is now, after someone else changed it).
pub async fn get_user(id: UserId) -> Result<User, ApiError> {
    Call::get(format!("/api/users/{id}")).send().await
}

/// `PATCH /api/users/{id}`: renames, changes roles, deactivates or reactivates an account.
/// Made on the record's `version` as read (`If-Match`); a stale one is refused with `412`.
pub async fn update_user(id: UserId, version: i32, changes: &UpdateUser) -> Result<User, ApiError> {
    Call::patch(format!("/api/users/{id}"))
        .if_match(version)
        .json(changes)
        .send()
        .await
}

/// `POST /api/users/{id}/password-reset`: sets a temporary password, shown once.
pub async fn reset_password(id: UserId) -> Result<PasswordReset, ApiError> {
    Call::post(format!("/api/users/{id}/password-reset")).send().await
}
