//! Sign-in with e-mail and password, token refresh and sign-out, and the token pair
//! that opens (or continues) a session.
//!
//! A sign-in takes three steps, and holds a database connection only in the first and
//! the last: [`begin`] records the attempt and reads the account, the password is then
//! checked off the pool behind the bounded [`HashGate`], and [`finish`] opens the session
//! or records the failure.

use super::{Outcome, write};
use crate::auth::password::HashGate;
use crate::auth::{CurrentUser, JwtKeys, current_user};
use crate::db::DbConnection;
use crate::db::models::audit::{Bare, Event};
use crate::db::models::refresh_token::{self, Redeemed};
use crate::db::models::{self, login_failure, session, user};
use crate::db::{self as database, DbPool};
use crate::domain::throttle;
use crate::error::ApiError;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::auth::{LoginRequest, TokenPair};
use openapi::{FieldErrorCode, OrganisationId, UserId};
use serde::Serialize;

/// A sign-in attempt recorded and not yet decided: the account it names, if any.
#[derive(Debug)]
pub struct Attempt {
    email: String,
    address: String,
    account: Option<Account>,
}

/// The account an attempt names.
#[derive(Debug)]
struct Account {
    id: UserId,
    org: OrganisationId,
    password_hash: String,
    is_active: bool,
}

impl Attempt {
    /// The stored hash to check the password against; `None` for an unknown e-mail,
    /// checked against a dummy hash in the same time.
    pub fn password_hash(&self) -> Option<String> {
        self.account.as_ref().map(|account| account.password_hash.clone())
    }
}

/// What the audit trail keeps of a sign-in: where from and, for a failure, why.
#[derive(Debug, Serialize)]
struct SignInNote<'a> {
    address: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

/// The e-mail of a sign-in, trimmed and lower-cased, after checking that both fields
/// are present.
pub fn parse(input: &LoginRequest) -> Outcome<String> {
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
    Ok(email)
}

/// Signs in from a client address. The attempt is recorded before it is counted, so
/// parallel guesses all count; after five failures of one account from one address the
/// next attempts from that address wait, longer with each failure (at most 15 minutes),
/// while the account still signs in from elsewhere. The password is checked without a
/// database connection, behind the bounded gate; an unknown e-mail costs the time of a
/// wrong password.
pub async fn login(
    pool: &DbPool,
    gate: &HashGate,
    keys: &JwtKeys,
    address: String,
    input: LoginRequest,
) -> Outcome<TokenPair> {
    let email = parse(&input)?;
    let attempt = database::run(pool, move |conn| begin(conn, email, address)).await?;
    let verified = gate.verify(input.password, attempt.password_hash()).await?;
    let keys = keys.clone();
    database::run(pool, move |conn| finish(conn, &keys, attempt, verified)).await
}

/// The first step of a sign-in: records the attempt (committed at once, so that
/// concurrent attempts see it), then counts the account's other attempts from the
/// address — `429` when they call for a wait — and reads the account.
pub fn begin(conn: &mut DbConnection, email: String, address: String) -> Outcome<Attempt> {
    let id = login_failure::record(conn, &email, &address)?;
    let now = models::now();
    let (earlier, latest) = login_failure::earlier(conn, &email, &address, now - throttle::WINDOW, id)?;
    let found = user::find_by_email(conn, &email)?;
    if let Some(retry_after) = throttle::retry_after(earlier, latest, now) {
        if let Some(found) = &found {
            let account = (UserId(found.id), OrganisationId(found.org_id));
            record_sign_in(conn, account, &address, Some("too_many_attempts"))?;
        }
        return Err(ApiError::TooManyRequests { retry_after });
    }
    Ok(Attempt {
        email,
        address,
        account: found.map(|row| Account {
            id: UserId(row.id),
            org: OrganisationId(row.org_id),
            password_hash: row.password_hash,
            is_active: row.is_active,
        }),
    })
}

/// The last step of a sign-in, once the password has been checked: opens the session
/// (forgetting the account's attempts from this address) and records the sign-in, or
/// records the failure against the account and refuses.
pub fn finish(conn: &mut DbConnection, keys: &JwtKeys, attempt: Attempt, verified: bool) -> Outcome<TokenPair> {
    let Some(account) = attempt.account.as_ref() else {
        tracing::info!(email = %attempt.email, "failed sign-in of an unknown e-mail");
        return Err(ApiError::InvalidCredentials);
    };
    let refusal = match (verified, account.is_active) {
        (true, true) => None,
        (true, false) => Some(("account_disabled", ApiError::AccountDisabled)),
        (false, _) => Some(("wrong_password", ApiError::InvalidCredentials)),
    };
    if let Some((reason, err)) = refusal {
        tracing::info!(email = %attempt.email, reason, "failed sign-in");
        record_sign_in(conn, (account.id, account.org), &attempt.address, Some(reason))?;
        return Err(err);
    }
    write(conn, |conn| {
        login_failure::clear(conn, &attempt.email, &attempt.address)?;
        record_sign_in(conn, (account.id, account.org), &attempt.address, None)?;
        issue_tokens(conn, keys, account.id, None)
    })
}

/// Records a sign-in of an account (its id and organisation) from an address: a
/// success, by the account itself, when no `reason` is given; else a failure and why.
fn record_sign_in(
    conn: &mut DbConnection,
    (user, org): (UserId, OrganisationId),
    address: &str,
    reason: Option<&str>,
) -> Outcome<()> {
    let note = SignInNote { address, reason };
    let event = match reason {
        None => Event::new(AuditAction::SignIn, AuditEntity::User, user).by(user),
        Some(_) => Event::new(AuditAction::SignInFailed, AuditEntity::User, user),
    };
    Ok(event.of(org).after(&note).record(conn)?)
}

/// A whole sign-in on one connection, checking the password inline: for tests of the
/// use cases that need a signed-in session, without a server.
#[cfg(test)]
pub fn login_on(conn: &mut DbConnection, keys: &JwtKeys, input: &LoginRequest) -> Outcome<TokenPair> {
    let attempt = begin(conn, parse(input)?, "test".to_owned())?;
    let verified = match attempt.password_hash() {
        Some(stored) => crate::auth::password::verify(&input.password, &stored),
        None => false,
    };
    finish(conn, keys, attempt, verified)
}

/// Exchanges a refresh token for a new pair in the same session. Each refresh token works
/// once: presenting a spent one is taken as theft and ends the whole session.
///
/// The spend and the successor are one transaction, so a concurrent second use of the
/// same token waits for the first to commit and then revokes the family including the
/// successor just issued; the revocation of a refused use is committed (the transaction
/// returns the refusal as a value) and only then answered as an error.
pub fn refresh(conn: &mut DbConnection, keys: &JwtKeys, token: &str) -> Outcome<TokenPair> {
    let issued =
        write(conn, |conn| match refresh_token::redeem(conn, token)? {
            Redeemed::Refused => Ok(None),
            Redeemed::Reused { family_id } => session::end(conn, &family_id).map(|_| None).map_err(ApiError::from),
            Redeemed::Valid { user_id, family_id } => issue_tokens(conn, keys, user_id, Some(family_id))
                .map(Some)
                .map_err(|err| match err {
                    ApiError::InvalidToken | ApiError::SessionEnded => ApiError::InvalidRefreshToken,
                    other => other,
                }),
        })?;
    issued.ok_or(ApiError::InvalidRefreshToken)
}

/// Signs out the session of a refresh token: the session ends, so its access tokens are
/// refused at once and every refresh token of its sign-in is revoked. An unknown token is
/// taken as signed out already.
pub fn logout(conn: &mut DbConnection, token: &str) -> Outcome<()> {
    let Some((family, user_id, org)) = refresh_token::family_of(conn, token)? else {
        return Ok(());
    };
    write(conn, |conn| {
        if session::end(conn, &family)? {
            Bare::new(AuditAction::SignOut, AuditEntity::User, user_id)
                .by(user_id)
                .of(org)
                .record(conn)?;
        }
        Ok(())
    })
}

/// Opens a session for a user (or continues one, given its id), reading the account and
/// the session first: an unknown account or ended session is refused as an invalid
/// token, a deactivated account as disabled.
pub fn issue_tokens(
    conn: &mut DbConnection,
    keys: &JwtKeys,
    user: UserId,
    session: Option<String>,
) -> Outcome<TokenPair> {
    let session = match session {
        Some(session) => session,
        None => session::open(conn, user)?,
    };
    let current = current_user::resume(conn, user, &session)?;
    tokens_for(conn, keys, current, &session)
}

/// An access token and a fresh refresh token of a live session, and the profile of a user
/// already read.
pub fn tokens_for(conn: &mut DbConnection, keys: &JwtKeys, user: CurrentUser, session: &str) -> Outcome<TokenPair> {
    let id = user.actor.user_id;
    let refresh_token = refresh_token::issue(conn, id, session)?;
    Ok(TokenPair {
        access_token: keys.issue(id.0, user.me.organisation.id.0, session)?,
        token_type: "Bearer".to_owned(),
        expires_in: crate::auth::jwt::ACCESS_TTL_SECONDS,
        refresh_token: Some(refresh_token),
        refresh_expires_in: refresh_token::REFRESH_TTL.num_seconds(),
        user: user.me,
    })
}
