//! Sign-in, refresh and sign-out.

pub mod login;
pub mod logout;
pub mod refresh;

use crate::auth::{JwtKeys, current_user};
use crate::db::DbConnection;
use crate::db::models::refresh_token;
use crate::error::ApiError;
use openapi::auth::TokenPair;

/// Opens a session (or continues one, given its family): an access token, a fresh
/// refresh token and the profile.
pub fn issue_tokens(
    conn: &mut DbConnection,
    keys: &JwtKeys,
    user_id: i64,
    family_id: Option<String>,
) -> Result<TokenPair, ApiError> {
    let user = current_user::load(conn, openapi::UserId(user_id))?;
    let family_id = family_id.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let refresh_token = refresh_token::issue(conn, user_id, &family_id)?;
    Ok(TokenPair {
        access_token: keys.issue(user_id, user.me.organisation.id.0)?,
        token_type: "Bearer".to_owned(),
        expires_in: crate::auth::jwt::ACCESS_TTL_SECONDS,
        refresh_token,
        refresh_expires_in: refresh_token::REFRESH_TTL.num_seconds(),
        user: user.me,
    })
}
