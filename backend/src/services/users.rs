//! Accounts of an organisation, managed by its administrator (or a platform
//! administrator): listed, created, changed, deactivated, given a temporary password.

use super::access::{self, Access};
use super::concurrency::{Expected, claim};
use super::{Caller, Outcome, write};
use crate::auth::password;
use crate::db::DbConnection;
use crate::db::models::audit::{Bare, Event};
use crate::db::models::user::{self, NewUserRow};
use crate::db::models::{PageRequest, organisation, session};
use crate::domain::policy;
use crate::domain::text::field_error;
use crate::domain::users::{NewUser, UserChanges};
use crate::error::ApiError;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::users::{CreateUser, PasswordReset, UpdateUser, User, UserFilter};
use openapi::{FieldErrorCode, OrganisationId, Page, PageQuery, UserId};

/// An organisation's accounts by name, for whoever manages them.
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    org: OrganisationId,
    page: &PageQuery,
    filter: &UserFilter,
) -> Outcome<Page<User>> {
    let page = PageRequest::parse(page)?;
    access::organisation_accounts(conn, &caller.actor, org)?;
    let (rows, total) = user::list(conn, org, filter, page)?;
    let ids: Vec<UserId> = rows.iter().map(|row| UserId(row.id)).collect();
    let mut roles = user::roles_of_many(conn, &ids)?;
    let items = rows
        .into_iter()
        .map(|row| {
            let user_roles = roles.remove(&row.id).unwrap_or_default();
            row.into_dto(user_roles)
        })
        .collect();
    Ok(page.wrap(items, total))
}

/// One account: the caller's own, or one of an organisation they manage.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: UserId) -> Outcome<User> {
    let (row, roles) = access::user(conn, &caller.actor, id, Access::Read)?;
    Ok(row.into_dto(roles))
}

/// Creates an account in an organisation, for whoever manages its accounts; the roles
/// must fit the organisation's kind and carry no more power than the caller's own, and
/// the e-mail must be free (a conflict on `email`).
pub fn create(conn: &mut DbConnection, caller: &Caller, org: OrganisationId, input: &CreateUser) -> Outcome<User> {
    let found = access::organisation_accounts(conn, &caller.actor, org)?;
    let new = NewUser::parse(input, found.kind())?;
    policy::check_granted_roles(&caller.actor, &new.roles, false).map_err(|error| ApiError::Validation(vec![error]))?;
    let hash = password::hash(&new.password)?;
    let created = write(conn, |conn| {
        if user::email_taken(conn, &new.email)? {
            return Err(ApiError::Conflict {
                detail: "An account with this e-mail exists.".to_owned(),
                errors: vec![field_error("email", FieldErrorCode::Taken, "is already in use")],
            });
        }
        let row = NewUserRow {
            org_id: org.0,
            email: &new.email,
            full_name: &new.full_name,
            password_hash: &hash,
            roles: &new.roles,
            is_platform_admin: false,
        };
        let id = user::insert(conn, &row)?;
        let created = user::find(conn, UserId(id))?.into_dto(new.roles.clone());
        Event::new(AuditAction::Create, AuditEntity::User, id)
            .by(caller.actor.user_id)
            .of(org)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })?;
    tracing::info!(user_id = created.id.0, org_id = org.0, "account created");
    Ok(created)
}

/// Changes an account's name, roles or active flag, for whoever manages it (never an
/// account that outranks the caller, never to more power than the caller's own).
/// Deactivation signs the user out everywhere; administrators cannot deactivate or
/// demote themselves.
pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: UserId,
    expected: Expected,
    input: &UpdateUser,
) -> Outcome<User> {
    write(conn, |conn| {
        let (row, roles) = access::user(conn, &caller.actor, id, Access::Edit)?;
        claim(expected, row.version, |version| user::claim(conn, id.0, version))?;
        let platform = row.is_platform_admin;
        let before = row.clone().into_dto(roles);
        let kind = organisation::find(conn, OrganisationId(row.org_id))?.kind();
        let changes = UserChanges::parse(input, kind, caller.actor.user_id == id)?;
        if let Some(roles) = &changes.roles {
            policy::check_granted_roles(&caller.actor, roles, platform)
                .map_err(|error| ApiError::Validation(vec![error]))?;
        }
        if let Some(name) = &changes.full_name {
            user::set_full_name(conn, id, &row.email, name)?;
        }
        if let Some(roles) = &changes.roles {
            user::set_roles(conn, id, roles)?;
        }
        if let Some(active) = changes.is_active {
            user::set_active(conn, id, active)?;
            if !active {
                session::end_all(conn, id)?;
            }
        }
        let roles = user::roles_of(conn, id)?;
        let after = user::find(conn, id)?.into_dto(roles);
        Event::new(AuditAction::Update, AuditEntity::User, id)
            .by(caller.actor.user_id)
            .of(after.org_id)
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// Replaces an account's password with a generated temporary one, returned once, and
/// signs the user out everywhere; for whoever manages the account (never one that
/// outranks the caller), and never for the caller's own account.
pub fn reset_password(conn: &mut DbConnection, caller: &Caller, id: UserId) -> Outcome<PasswordReset> {
    let (row, _) = access::user(conn, &caller.actor, id, Access::Edit)?;
    // One's own password changes with the current one (`POST /api/me/password`): a reset
    // would let a stolen access token take the account over.
    if id == caller.actor.user_id {
        return Err(ApiError::Forbidden);
    }
    let temporary_password = password::generate(14);
    let hash = password::hash(&temporary_password)?;
    write(conn, |conn| {
        user::set_password_hash(conn, id, &hash)?;
        session::end_all(conn, id)?;
        Bare::new(AuditAction::PasswordReset, AuditEntity::User, id)
            .by(caller.actor.user_id)
            .of(OrganisationId(row.org_id))
            .record(conn)?;
        Ok(PasswordReset { temporary_password })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::JwtKeys;
    use crate::db::models::audit as trail;
    use crate::demo::DEMO_PASSWORD;
    use crate::services::auth;
    use crate::services::seeded::{self, Seeded};
    use openapi::audit::AuditFilter;
    use openapi::auth::LoginRequest;
    use openapi::users::Role;

    fn keys() -> JwtKeys {
        JwtKeys::from_secret(b"0123456789abcdef0123456789abcdef")
    }

    fn login(db: &mut Seeded, email: &str, password: &str) -> Outcome<openapi::auth::TokenPair> {
        let request = LoginRequest {
            email: email.into(),
            password: password.into(),
            refresh_token_in_body: true,
        };
        auth::login_on(&mut db.conn, &keys(), &request)
    }

    fn changes(is_active: Option<bool>, roles: Option<Vec<Role>>) -> UpdateUser {
        UpdateUser {
            full_name: None,
            roles,
            is_active,
        }
    }

    fn last_entry(db: &mut Seeded, entity_id: i64) -> (String, String) {
        let filter = AuditFilter {
            entity: Some("user".into()),
            entity_id: Some(entity_id),
            ..AuditFilter::default()
        };
        let page = PageRequest { page: 1, per_page: 1 };
        let (entries, _) = trail::list(&mut db.conn, &filter, None, page).unwrap();
        let entry = entries.into_iter().next().unwrap();
        (entry.entity, entry.action)
    }

    #[test]
    fn a_school_administrator_cannot_see_or_manage_another_schools_accounts() {
        let mut db = seeded::demo();
        let director = db.caller("director@sch61.demo");
        let partner = db.caller("partner@sch12.demo");
        let (other, other_org) = (partner.actor.user_id, partner.actor.org_id);
        let conn = &mut db.conn;
        assert!(matches!(get(conn, &director, other), Err(ApiError::NotFound)));
        assert!(matches!(
            update(
                conn,
                &director,
                other,
                Expected::Version(1),
                &changes(Some(false), None)
            ),
            Err(ApiError::NotFound)
        ));
        assert!(matches!(
            reset_password(conn, &director, other),
            Err(ApiError::NotFound)
        ));
        let page = PageQuery {
            page: None,
            per_page: None,
        };
        assert!(matches!(
            list(conn, &director, other_org, &page, &UserFilter::default()),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            list(conn, &director, OrganisationId(9999), &page, &UserFilter::default()),
            Err(ApiError::NotFound)
        ));
        let own = list(conn, &director, director.actor.org_id, &page, &UserFilter::default()).unwrap();
        assert_eq!(own.total, 4);
    }

    #[test]
    fn a_user_reads_their_own_account_but_only_the_administrator_changes_it() {
        let mut db = seeded::demo();
        let teacher = db.caller("teacher@sch61.demo");
        let conn = &mut db.conn;
        let own = get(conn, &teacher, teacher.actor.user_id).unwrap();
        assert_eq!(own.email, "teacher@sch61.demo");
        assert!(matches!(
            update(
                conn,
                &teacher,
                teacher.actor.user_id,
                Expected::Version(own.version),
                &changes(None, Some(vec![Role::Admin]))
            ),
            Err(ApiError::Forbidden)
        ));
    }

    #[test]
    fn a_deactivated_user_is_signed_out_and_refused_everywhere() {
        let mut db = seeded::demo();
        let director = db.caller("director@sch61.demo");
        let teacher = db.caller("teacher@sch61.demo").actor.user_id;
        let session = login(&mut db, "teacher@sch61.demo", DEMO_PASSWORD).unwrap();
        let expected = seeded::read_version(&mut db.conn, "users", teacher.0);
        let changed = update(&mut db.conn, &director, teacher, expected, &changes(Some(false), None)).unwrap();
        assert!(!changed.is_active);
        assert_eq!(last_entry(&mut db, teacher.0), ("user".into(), "update".into()));
        assert!(matches!(
            crate::auth::current_user::load(&mut db.conn, teacher),
            Err(ApiError::AccountDisabled)
        ));
        assert!(matches!(
            auth::refresh(&mut db.conn, &keys(), session.refresh_token.as_deref().unwrap()),
            Err(ApiError::InvalidRefreshToken)
        ));
        assert!(matches!(
            login(&mut db, "teacher@sch61.demo", DEMO_PASSWORD),
            Err(ApiError::AccountDisabled)
        ));
    }

    #[test]
    fn administrators_may_neither_deactivate_nor_demote_themselves() {
        let mut db = seeded::demo();
        let director = db.caller("director@sch61.demo");
        let own = director.actor.user_id;
        let expected = seeded::read_version(&mut db.conn, "users", own.0);
        let err = update(
            &mut db.conn,
            &director,
            own,
            expected,
            &changes(Some(false), Some(vec![Role::Staff])),
        )
        .unwrap_err();
        let ApiError::Validation(errors) = err else {
            panic!("expected a validation error, got {err:?}")
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["is_active", "roles"]);
    }

    #[test]
    fn an_account_is_created_once_per_email_with_its_audit_entry() {
        let mut db = seeded::demo();
        let director = db.caller("director@sch61.demo");
        let org = director.actor.org_id;
        let input = CreateUser {
            email: " Librarian@Sch61.demo ".into(),
            full_name: "Зайцева Анна Петровна".into(),
            roles: vec![Role::Staff],
            password: "a-long-enough-password".into(),
        };
        let created = create(&mut db.conn, &director, org, &input).unwrap();
        assert_eq!((created.email.as_str(), created.org_id), ("librarian@sch61.demo", org));
        assert_eq!(last_entry(&mut db, created.id.0), ("user".into(), "create".into()));
        let again = create(&mut db.conn, &director, org, &input).unwrap_err();
        let ApiError::Conflict { errors, .. } = again else {
            panic!("expected a conflict, got {again:?}")
        };
        assert_eq!(errors[0].field, "email");
        assert!(login(&mut db, "librarian@sch61.demo", "a-long-enough-password").is_ok());
    }

    #[test]
    fn a_committee_admin_without_the_platform_flag_cannot_touch_the_platform_administrator() {
        let mut db = seeded::demo();
        let admin = seeded::committee_admin(&mut db.conn);
        let operator = db.caller("operator@kom.demo").actor.user_id;
        let specialist = db.caller("committee@kom.demo").actor.user_id;
        let hash_before = user::password_hash(&mut db.conn, operator).unwrap();
        assert!(matches!(
            reset_password(&mut db.conn, &admin, operator),
            Err(ApiError::Forbidden)
        ));
        for input in [
            changes(Some(false), None),
            changes(None, Some(vec![Role::Committee])),
            UpdateUser {
                full_name: Some("Переименован".into()),
                ..UpdateUser::default()
            },
        ] {
            assert!(
                matches!(
                    update(&mut db.conn, &admin, operator, Expected::Version(1), &input),
                    Err(ApiError::Forbidden)
                ),
                "{input:?}"
            );
        }
        let after = user::find(&mut db.conn, operator).unwrap();
        assert!(after.is_active && after.is_platform_admin);
        assert_eq!(after.full_name, "Соколов Павел Андреевич");
        assert_eq!(user::password_hash(&mut db.conn, operator).unwrap(), hash_before);
        assert!(seeded::audit_of(&mut db.conn, "user", operator.0).is_empty());
        assert_eq!(
            get(&mut db.conn, &admin, operator).unwrap().email,
            "operator@kom.demo",
            "reading is not managing"
        );
        // The committee's own specialists are still theirs to manage.
        assert!(reset_password(&mut db.conn, &admin, specialist).is_ok());
        let operator_caller = db.caller("operator@kom.demo");
        assert!(reset_password(&mut db.conn, &operator_caller, admin.actor.user_id).is_ok());
    }

    #[test]
    fn a_reset_password_signs_in_and_ends_the_old_sessions() {
        let mut db = seeded::demo();
        let director = db.caller("director@sch61.demo");
        let teacher = db.caller("teacher@sch61.demo").actor.user_id;
        let session = login(&mut db, "teacher@sch61.demo", DEMO_PASSWORD).unwrap();
        let reset = reset_password(&mut db.conn, &director, teacher).unwrap();
        assert_eq!(reset.temporary_password.chars().count(), 14);
        assert_eq!(last_entry(&mut db, teacher.0), ("user".into(), "password_reset".into()));
        assert!(matches!(
            auth::refresh(&mut db.conn, &keys(), session.refresh_token.as_deref().unwrap()),
            Err(ApiError::InvalidRefreshToken)
        ));
        assert!(matches!(
            login(&mut db, "teacher@sch61.demo", DEMO_PASSWORD),
            Err(ApiError::InvalidCredentials)
        ));
        let signed_in = login(&mut db, "teacher@sch61.demo", &reset.temporary_password).unwrap();
        assert_eq!(signed_in.user.id, teacher);
    }

    #[test]
    fn an_administrator_does_not_reset_their_own_password() {
        let mut db = seeded::demo();
        let director = db.caller("director@sch61.demo");
        let own = director.actor.user_id;
        assert!(matches!(
            reset_password(&mut db.conn, &director, own),
            Err(ApiError::Forbidden)
        ));
        assert!(
            login(&mut db, "director@sch61.demo", DEMO_PASSWORD).is_ok(),
            "the password stays"
        );
    }
}
