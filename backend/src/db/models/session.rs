//! The `sessions` table: one row per sign-in. The session's id names the family of its
//! refresh tokens and is the `sid` claim of its access tokens; ending the session revokes
//! the tokens of both kinds at once (the access tokens are refused by the query that reads
//! the signed-in account, see `user::in_session`).

use super::refresh_token;
use crate::db::DbConnection;
use crate::db::schema::sessions;
use diesel::prelude::*;
use openapi::UserId;

/// Opens a session for a user and returns its id.
pub fn open(conn: &mut DbConnection, user_id: UserId) -> QueryResult<String> {
    let id = uuid::Uuid::new_v4().to_string();
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(&id),
            sessions::user_id.eq(user_id.0),
            sessions::created_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Ends one session (sign-out, or a spent refresh token presented again) and revokes its
/// refresh tokens. Answers whether the session was live until now.
pub fn end(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    let ended = diesel::update(sessions::table.find(id).filter(sessions::revoked_at.is_null()))
        .set(sessions::revoked_at.eq(super::now()))
        .execute(conn)?;
    refresh_token::revoke_family(conn, id)?;
    Ok(ended > 0)
}

/// Ends every session of a user (password change or reset, deactivation) and revokes
/// their refresh tokens.
pub fn end_all(conn: &mut DbConnection, user_id: UserId) -> QueryResult<usize> {
    let ended = diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user_id.0))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(super::now()))
    .execute(conn)?;
    refresh_token::revoke_user(conn, user_id)?;
    Ok(ended)
}
