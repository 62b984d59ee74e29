//! The signed-in user's own profile and password.

use super::auth::tokens_for;
use super::{Caller, Outcome, write};
use crate::auth::{JwtKeys, current_user, password};
use crate::db::DbConnection;
use crate::db::models::{refresh_token, user};
use crate::domain::text;
use crate::error::ApiError;
use openapi::auth::TokenPair;
use openapi::users::{ChangePassword, Me, UpdateMe};

/// The signed-in user with their organisation and roles.
pub fn get(_conn: &mut DbConnection, caller: &Caller) -> Outcome<Me> {
    Ok(caller.me.clone())
}

/// Changes the caller's name or interface language.
pub fn update(conn: &mut DbConnection, caller: &Caller, input: &UpdateMe) -> Outcome<Me> {
    let full_name = input
        .full_name
        .as_deref()
        .map(|name| text::bounded("full_name", name, 3, 200))
        .transpose()
        .map_err(|err| ApiError::Validation(vec![err]))?;
    let id = caller.actor.user_id;
    write(conn, |conn| {
        if let Some(name) = &full_name {
            user::set_full_name(conn, id, &caller.me.email, name)?;
        }
        if let Some(locale) = input.locale {
            user::set_locale(conn, id, locale)?;
        }
        current_user::load(conn, id).map(|user| user.me)
    })
}

/// Changes the caller's password after checking the current one. Every session is
/// signed out; the answer is a fresh token pair for this one.
pub fn change_password(
    conn: &mut DbConnection,
    caller: &Caller,
    keys: &JwtKeys,
    input: &ChangePassword,
) -> Outcome<TokenPair> {
    let new_password =
        text::new_password("new_password", &input.new_password).map_err(|err| ApiError::Validation(vec![err]))?;
    let id = caller.actor.user_id;
    if !password::verify(&input.current_password, &user::password_hash(conn, id)?) {
        return Err(ApiError::WrongPassword);
    }
    let hash = password::hash(&new_password)?;
    write(conn, |conn| {
        user::set_password_hash(conn, id, &hash)?;
        refresh_token::revoke_user(conn, id)?;
        tokens_for(conn, keys, caller.clone(), None)
    })
}
