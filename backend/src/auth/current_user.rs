//! The `CurrentUser` extractor: a valid bearer token of an active user, loaded afresh
//! from the database so that deactivation and role changes take effect at once.

use crate::db::models::{organisation, user};
use crate::domain::policy::Actor;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use openapi::users::Me;
use openapi::{OrganisationId, UserId};
use std::future::Future;
use std::pin::Pin;

/// The signed-in user of a request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    /// What authorisation needs.
    pub actor: Actor,
    /// The profile, as `/api/me` returns it.
    pub me: Me,
}

/// Loads the profile of an active user; an inactive one is refused.
pub fn load(conn: &mut crate::db::DbConnection, user_id: i64) -> Result<CurrentUser, ApiError> {
    let row = user::find(conn, user_id).map_err(|err| match err {
        diesel::result::Error::NotFound => ApiError::InvalidToken,
        other => other.into(),
    })?;
    if !row.is_active {
        return Err(ApiError::AccountDisabled);
    }
    let org = organisation::find(conn, row.org_id)?;
    let roles = user::roles_of(conn, row.id)?;
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

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer(req);
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("application state missing")))?;
            let claims = state.keys.verify(&token?)?;
            let user_id: i64 = claims.sub.parse().map_err(|_| ApiError::InvalidToken)?;
            crate::db::run(&state.pool, move |conn| load(conn, user_id)).await
        })
    }
}
