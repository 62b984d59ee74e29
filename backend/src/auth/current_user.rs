//! Who is asking. The `Session` extractor checks the bearer token and nothing else; the
//! account behind it and the session the token names are read on the request's own
//! database checkout by [`Session::run`], with one indexed query, so that sign-out,
//! password changes, deactivation and role changes take effect at once.

use crate::db::DbConnection;
use crate::db::models::user;
use crate::domain::policy::Actor;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use openapi::users::Me;
use openapi::{OrganisationId, UserId};
use std::future::{Ready, ready};

/// The signed-in user of a request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    /// What authorisation needs.
    pub actor: Actor,
    /// The profile, as `/api/me` returns it.
    pub me: Me,
}

/// Loads the profile of an active user; an inactive one is refused.
pub fn load(conn: &mut DbConnection, user_id: UserId) -> Result<CurrentUser, ApiError> {
    let (row, org, roles) = user::with_org_and_roles(conn, user_id)?.ok_or(ApiError::InvalidToken)?;
    profile(row, org, roles)
}

/// Loads the profile of an active user signed in with a live session, in one query: an
/// inactive account is refused as disabled, an ended session (signed out, ended by a
/// password change or reset or a deactivation) or one of another user as ended.
pub fn resume(conn: &mut DbConnection, user_id: UserId, session: &str) -> Result<CurrentUser, ApiError> {
    let (row, org, roles, live) = user::in_session(conn, user_id, session)?.ok_or(ApiError::InvalidToken)?;
    let current = profile(row, org, roles)?;
    if !live {
        return Err(ApiError::SessionEnded);
    }
    Ok(current)
}

fn profile(
    row: user::UserRow,
    org: crate::db::models::organisation::OrganisationRow,
    roles: Vec<openapi::users::Role>,
) -> Result<CurrentUser, ApiError> {
    if !row.is_active {
        return Err(ApiError::AccountDisabled);
    }
    let actor = Actor {
        user_id: UserId(row.id),
        org_id: OrganisationId(row.org_id),
        org_kind: org.kind(),
        roles: roles.clone(),
        is_platform_admin: row.is_platform_admin,
    };
    let locale = row.locale();
    let me = Me {
        id: UserId(row.id),
        email: row.email,
        full_name: row.full_name,
        organisation: org.summary(),
        roles,
        is_platform_admin: row.is_platform_admin,
        locale,
        version: row.version,
    };
    Ok(CurrentUser { actor, me })
}

fn bearer(req: &HttpRequest) -> Result<String, ApiError> {
    let value = req
        .headers()
        .get(header::AUTHORIZATION)
        .ok_or(ApiError::Unauthenticated)?;
    let value = value.to_str().map_err(|_| ApiError::InvalidToken)?;
    match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() => {
            Ok(token.trim().to_owned())
        }
        _ => Err(ApiError::InvalidToken),
    }
}

/// A request with a valid access token: the user and the session it names, not yet read.
#[derive(Debug, Clone)]
pub struct Session {
    user_id: UserId,
    session: String,
    state: web::Data<AppState>,
}

impl Session {
    /// Runs `work` on one pooled connection as the signed-in user: the account and the
    /// token's session are read (one query) and refused if deactivated or ended, then
    /// `work` gets the account.
    pub async fn run<T, F>(self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection, &CurrentUser) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let (user_id, session) = (self.user_id, self.session);
        crate::db::run(&self.state.pool, move |conn| {
            let current = resume(conn, user_id, &session)?;
            work(conn, &current)
        })
        .await
    }

    /// The application state, for what a handler needs beside the database.
    pub fn state(&self) -> &AppState {
        &self.state
    }
}

impl FromRequest for Session {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready((|| {
            let state = req
                .app_data::<web::Data<AppState>>()
                .cloned()
                .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("application state missing")))?;
            let claims = state.keys.verify(&bearer(req)?)?;
            let user_id: i64 = claims.sub.parse().map_err(|_| ApiError::InvalidToken)?;
            Ok(Session {
                user_id: UserId(user_id),
                session: claims.sid,
                state,
            })
        })())
    }
}
