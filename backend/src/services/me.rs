//! The signed-in user's own profile and password.

use super::auth::tokens_for;
use super::concurrency::{Expected, claim};
use super::{Caller, Outcome, write};
use crate::auth::{JwtKeys, current_user, password};
use crate::db::DbConnection;
use crate::db::models::audit::{Bare, Event};
use crate::db::models::{session, user};
use crate::domain::text;
use crate::error::ApiError;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::auth::TokenPair;
use openapi::users::{ChangePassword, Me, UpdateMe};

/// The signed-in user with their organisation and roles.
pub fn get(_conn: &mut DbConnection, caller: &Caller) -> Outcome<Me> {
    Ok(caller.me.clone())
}

/// Changes the caller's name or interface language, made on the `expected` version of
/// their account; audited with the profile before and after.
pub fn update(conn: &mut DbConnection, caller: &Caller, expected: Expected, input: &UpdateMe) -> Outcome<Me> {
    let full_name = input
        .full_name
        .as_deref()
        .map(|name| text::bounded("full_name", name, openapi::limits::FULL_NAME))
        .transpose()
        .map_err(|err| ApiError::Validation(vec![err]))?;
    let id = caller.actor.user_id;
    write(conn, |conn| {
        claim(expected, caller.me.version, |version| user::claim(conn, id.0, version))?;
        if let Some(name) = &full_name {
            user::set_full_name(conn, id, &caller.me.email, name)?;
        }
        if let Some(locale) = input.locale {
            user::set_locale(conn, id, locale)?;
        }
        let after = current_user::load(conn, id)?.me;
        if after != caller.me {
            Event::new(AuditAction::Update, AuditEntity::User, id)
                .by(id)
                .of(caller.actor.org_id)
                .before(&caller.me)
                .after(&after)
                .record(conn)?;
        }
        Ok(after)
    })
}

/// Changes the caller's password after checking the current one. Every session ends,
/// this one included (their access and refresh tokens are refused from now on); the answer
/// is the token pair of a new session for the caller. Audited (without any hash).
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
        session::end_all(conn, id)?;
        Bare::new(AuditAction::PasswordChange, AuditEntity::User, id)
            .by(id)
            .of(caller.actor.org_id)
            .record(conn)?;
        let session = session::open(conn, id)?;
        tokens_for(conn, keys, caller.clone(), &session)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::DEMO_PASSWORD;
    use crate::services::auth;
    use crate::services::seeded::{self, Seeded};
    use openapi::auth::LoginRequest;
    use openapi::users::Locale;

    fn keys() -> JwtKeys {
        JwtKeys::from_secret(b"0123456789abcdef0123456789abcdef")
    }

    fn login(db: &mut Seeded, password: &str) -> Outcome<TokenPair> {
        let request = LoginRequest {
            email: "council@sch61.demo".into(),
            password: password.into(),
            refresh_token_in_body: true,
        };
        auth::login_on(&mut db.conn, &keys(), &request)
    }

    #[test]
    fn a_password_change_needs_the_current_one_and_ends_the_other_sessions() {
        let mut db = seeded::demo();
        let council = db.caller("council@sch61.demo");
        let other_session = login(&mut db, DEMO_PASSWORD).unwrap();
        let change = |current: &str| ChangePassword {
            current_password: current.into(),
            new_password: "a-brand-new-password".into(),
            refresh_token_in_body: false,
        };
        assert!(matches!(
            change_password(&mut db.conn, &council, &keys(), &change("wrong")),
            Err(ApiError::WrongPassword)
        ));
        let fresh = change_password(&mut db.conn, &council, &keys(), &change(DEMO_PASSWORD)).unwrap();
        assert_eq!(fresh.user, council.me);
        let session = |pair: &TokenPair| keys().verify(&pair.access_token).unwrap().sid;
        let id = council.actor.user_id;
        assert!(matches!(
            current_user::resume(&mut db.conn, id, &session(&other_session)),
            Err(ApiError::SessionEnded)
        ));
        assert_eq!(
            current_user::resume(&mut db.conn, id, &session(&fresh)).unwrap().me,
            council.me
        );
        assert!(matches!(
            auth::refresh(&mut db.conn, &keys(), other_session.refresh_token.as_deref().unwrap()),
            Err(ApiError::InvalidRefreshToken)
        ));
        assert!(auth::refresh(&mut db.conn, &keys(), fresh.refresh_token.as_deref().unwrap()).is_ok());
        assert!(matches!(
            login(&mut db, DEMO_PASSWORD),
            Err(ApiError::InvalidCredentials)
        ));
        assert!(login(&mut db, "a-brand-new-password").is_ok());
    }

    #[test]
    fn a_profile_change_is_read_back_and_a_short_name_refused() {
        let mut db = seeded::demo();
        let council = db.caller("council@sch61.demo");
        let input = UpdateMe {
            full_name: Some("  Смирнов Андрей  ".into()),
            locale: Some(Locale::En),
        };
        let version = Expected::Version(council.me.version);
        let me = update(&mut db.conn, &council, version, &input).unwrap();
        assert_eq!((me.full_name.as_str(), me.locale), ("Смирнов Андрей", Locale::En));
        let short = UpdateMe {
            full_name: Some("Я".into()),
            locale: None,
        };
        assert!(matches!(
            update(&mut db.conn, &council, Expected::Version(me.version), &short),
            Err(ApiError::Validation(_))
        ));
    }

    #[test]
    fn a_spent_refresh_token_presented_again_signs_the_session_out() {
        let mut db = seeded::demo();
        let first = login(&mut db, DEMO_PASSWORD).unwrap();
        let second = auth::refresh(&mut db.conn, &keys(), first.refresh_token.as_deref().unwrap()).unwrap();
        assert!(matches!(
            auth::refresh(&mut db.conn, &keys(), first.refresh_token.as_deref().unwrap()),
            Err(ApiError::InvalidRefreshToken)
        ));
        assert!(matches!(
            auth::refresh(&mut db.conn, &keys(), second.refresh_token.as_deref().unwrap()),
            Err(ApiError::InvalidRefreshToken)
        ));
    }
}
