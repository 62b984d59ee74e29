//! The `refresh_tokens` table: single-use tokens, stored as SHA-256 hashes, grouped in
//! families (one per session, named by its id) so that reuse of a spent token ends the
//! session with every descendant of the sign-in.

use crate::db::DbConnection;
use crate::db::schema::{refresh_tokens, users};
use base64::Engine as _;
use chrono::TimeDelta;
use diesel::prelude::*;
use openapi::{OrganisationId, UserId};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// How long a refresh token lives.
pub const REFRESH_TTL: TimeDelta = TimeDelta::days(30);

/// The outcome of presenting a refresh token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redeemed {
    /// The token was valid and is now spent; a successor may be issued in its family.
    Valid {
        /// The token's owner.
        user_id: UserId,
        /// The sign-in the token belongs to.
        family_id: String,
    },
    /// Unknown, expired or revoked.
    Refused,
    /// Already spent: presented again, it may have been stolen, and its session is to be
    /// ended (`session::end`).
    Reused {
        /// The sign-in the token belongs to.
        family_id: String,
    },
}

fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Creates a token for a user in a session's family and returns the token in clear; only
/// its hash is stored.
pub fn issue(conn: &mut DbConnection, user_id: UserId, family_id: &str) -> QueryResult<String> {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let now = super::now();
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::user_id.eq(user_id.0),
            refresh_tokens::family_id.eq(family_id),
            refresh_tokens::token_hash.eq(digest(&token)),
            refresh_tokens::created_at.eq(now),
            refresh_tokens::expires_at.eq(now + REFRESH_TTL),
        ))
        .execute(conn)?;
    Ok(token)
}

/// Spends a token. The spend is a conditional update, so of two concurrent uses only one
/// wins; a token that cannot be spent any more is answered as reused with its family.
pub fn redeem(conn: &mut DbConnection, token: &str) -> QueryResult<Redeemed> {
    let now = super::now();
    let row: Option<(i64, i64, String)> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(digest(token)))
        .select((refresh_tokens::id, refresh_tokens::user_id, refresh_tokens::family_id))
        .first(conn)
        .optional()?;
    let Some((id, user_id, family_id)) = row else {
        return Ok(Redeemed::Refused);
    };
    let spent = diesel::update(
        refresh_tokens::table
            .find(id)
            .filter(refresh_tokens::used_at.is_null())
            .filter(refresh_tokens::revoked_at.is_null())
            .filter(refresh_tokens::expires_at.gt(now)),
    )
    .set(refresh_tokens::used_at.eq(now))
    .execute(conn)?;
    if spent == 1 {
        Ok(Redeemed::Valid {
            user_id: UserId(user_id),
            family_id,
        })
    } else {
        Ok(Redeemed::Reused { family_id })
    }
}

/// Revokes every live token of a family; part of ending its session (`session::end`).
pub(super) fn revoke_family(conn: &mut DbConnection, family_id: &str) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(family_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(super::now()))
    .execute(conn)
}

/// The family of a token, its user and the user's organisation, if the token exists.
pub fn family_of(conn: &mut DbConnection, token: &str) -> QueryResult<Option<(String, UserId, OrganisationId)>> {
    refresh_tokens::table
        .inner_join(users::table)
        .filter(refresh_tokens::token_hash.eq(digest(token)))
        .select((refresh_tokens::family_id, refresh_tokens::user_id, users::org_id))
        .first::<(String, i64, i64)>(conn)
        .optional()
        .map(|found| found.map(|(family, user, org)| (family, UserId(user), OrganisationId(org))))
}

/// Revokes every live token of a user; part of ending their sessions (`session::end_all`).
pub(super) fn revoke_user(conn: &mut DbConnection, user_id: UserId) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id.0))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(super::now()))
    .execute(conn)
}
