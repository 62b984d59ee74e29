//! Sign-in with e-mail and password, token refresh and sign-out, and the token pair
//! that opens (or continues) a session.

use super::{Outcome, write};
use crate::auth::{CurrentUser, JwtKeys, current_user, password};
use crate::db::DbConnection;
use crate::db::models::refresh_token::{self, Redeemed};
use crate::db::models::{self, login_failure, user};
use crate::domain::throttle;
use crate::error::ApiError;
use openapi::auth::{LoginRequest, TokenPair};
use openapi::{FieldErrorCode, UserId};

/// Signs in. Five failures for one e-mail within the throttle window block further
/// attempts for the rest of it; an unknown e-mail costs the time of a wrong password.
pub fn login(conn: &mut DbConnection, keys: &JwtKeys, input: &LoginRequest) -> Outcome<TokenPair> {
    let email = input.email.trim().to_lowercase();
    if email.is_empty() {
        return Err(ApiError::field("email", FieldErrorCode::Required, "must not be empty"));
    }
    if input.password.is_empty() {
        return Err(ApiError::field(
            "password",
            FieldErrorCode::Required,
            "must not be empty",
        ));
    }
    let now = models::now();
    let (failures, oldest) = login_failure::recent(conn, &email, now - throttle::WINDOW)?;
    if let Some(retry_after) = throttle::retry_after(failures, oldest, now) {
        return Err(ApiError::TooManyRequests { retry_after });
    }
    let user = match user::find_by_email(conn, &email)? {
        Some(user) if password::verify(&input.password, &user.password_hash) => user,
        found => {
            if found.is_none() {
                password::verify_nobody(&input.password);
            }
            login_failure::record(conn, &email)?;
            tracing::info!(email = %email, "failed sign-in");
            return Err(ApiError::InvalidCredentials);
        }
    };
    if !user.is_active {
        return Err(ApiError::AccountDisabled);
    }
    write(conn, |conn| {
        login_failure::clear(conn, &email)?;
        issue_tokens(conn, keys, UserId(user.id), None)
    })
}

/// Exchanges a refresh token for a new pair. Each refresh token works once: presenting
/// a spent one is taken as theft and signs the whole session out.
///
/// The spend and the successor are one transaction, so a concurrent second use of the
/// same token waits for the first to commit and then revokes the family including the
/// successor just issued; the revocation of a refused use is committed (the transaction
/// returns the refusal as a value) and only then answered as an error.
pub fn refresh(conn: &mut DbConnection, keys: &JwtKeys, token: &str) -> Outcome<TokenPair> {
    let issued =
        write(conn, |conn| match refresh_token::redeem(conn, token)? {
            Redeemed::Refused => Ok(None),
            Redeemed::Valid { user_id, family_id } => issue_tokens(conn, keys, user_id, Some(family_id))
                .map(Some)
                .map_err(|err| match err {
                    ApiError::InvalidToken => ApiError::InvalidRefreshToken,
                    other => other,
                }),
        })?;
    issued.ok_or(ApiError::InvalidRefreshToken)
}

/// Signs out the session of a refresh token: every token of its sign-in is revoked. An
/// unknown token is taken as signed out already.
pub fn logout(conn: &mut DbConnection, token: &str) -> Outcome<()> {
    if let Some(family) = refresh_token::family_of(conn, token)? {
        refresh_token::revoke_family(conn, &family)?;
    }
    Ok(())
}

/// Opens a session for a user (or continues one, given its family), reading the account
/// first: an unknown one is refused as an invalid token, a deactivated one as disabled.
pub fn issue_tokens(
    conn: &mut DbConnection,
    keys: &JwtKeys,
    user: UserId,
    family_id: Option<String>,
) -> Outcome<TokenPair> {
    let current = current_user::load(conn, user)?;
    tokens_for(conn, keys, current, family_id)
}

/// An access token, a fresh refresh token (in a new family unless one is given) and the
/// profile of a user already read.
pub fn tokens_for(
    conn: &mut DbConnection,
    keys: &JwtKeys,
    user: CurrentUser,
    family_id: Option<String>,
) -> Outcome<TokenPair> {
    let family_id = family_id.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let id = user.actor.user_id;
    let refresh_token = refresh_token::issue(conn, id, &family_id)?;
    Ok(TokenPair {
        access_token: keys.issue(id.0, user.me.organisation.id.0)?,
        token_type: "Bearer".to_owned(),
        expires_in: crate::auth::jwt::ACCESS_TTL_SECONDS,
        refresh_token: Some(refresh_token),
        refresh_expires_in: refresh_token::REFRESH_TTL.num_seconds(),
        user: user.me,
    })
}
