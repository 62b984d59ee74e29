//! Rules for accounts: which roles fit which organisation, and the changes an
//! administrator may not make to their own account.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors, field_error};
use openapi::FieldErrorCode;
use openapi::organisations::OrganisationKind;
use openapi::users::{CreateUser, Role, UpdateUser};

/// The roles a user of this kind of organisation may hold.
pub fn roles_allowed_in(kind: OrganisationKind) -> &'static [Role] {
    match kind {
        OrganisationKind::School => &[Role::Admin, Role::Council, Role::Staff, Role::Supervisor, Role::Partner],
        OrganisationKind::Committee => &[Role::Admin, Role::Committee],
    }
}

/// A non-empty, de-duplicated, sorted set of roles that fit the organisation.
pub fn parse_roles(field: &str, roles: &[Role], kind: OrganisationKind) -> Result<Vec<Role>, openapi::FieldError> {
    crate::domain::text::at_most(field, roles.len(), openapi::limits::ROLES)?;
    let mut roles = roles.to_vec();
    roles.sort();
    roles.dedup();
    if roles.is_empty() {
        return Err(field_error(
            field,
            FieldErrorCode::Required,
            "at least one role is required",
        ));
    }
    if let Some(role) = roles.iter().find(|role| !roles_allowed_in(kind).contains(role)) {
        return Err(field_error(
            field,
            FieldErrorCode::NotAllowed,
            format!("role `{}` is not available in a {}", role.as_str(), kind.as_str()),
        ));
    }
    Ok(roles)
}

/// A new account, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    /// Lower-cased e-mail.
    pub email: String,
    /// Trimmed full name.
    pub full_name: String,
    /// Sorted roles.
    pub roles: Vec<Role>,
    /// The initial password, in clear (hashed before it is stored).
    pub password: String,
}

impl NewUser {
    /// Parses a creation request for an organisation of the given kind.
    pub fn parse(request: &CreateUser, kind: OrganisationKind) -> Result<Self, DomainError> {
        let mut errors = Errors::default();
        let email = errors.take(text::email("email", &request.email));
        let full_name = errors.take(text::bounded(
            "full_name",
            &request.full_name,
            openapi::limits::FULL_NAME,
        ));
        let roles = errors.take(parse_roles("roles", &request.roles, kind));
        let password = errors.take(text::new_password("password", &request.password));
        errors.finish()?;
        match (email, full_name, roles, password) {
            (Some(email), Some(full_name), Some(roles), Some(password)) => Ok(Self {
                email,
                full_name,
                roles,
                password,
            }),
            _ => Err(DomainError::Invalid(Vec::new())),
        }
    }
}

/// Changes to an account, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UserChanges {
    /// New full name.
    pub full_name: Option<String>,
    /// New roles.
    pub roles: Option<Vec<Role>>,
    /// New active flag.
    pub is_active: Option<bool>,
}

impl UserChanges {
    /// Parses an update; `own_account` is true when administrators edit themselves, who
    /// may neither deactivate themselves nor drop their own administrator role.
    pub fn parse(request: &UpdateUser, kind: OrganisationKind, own_account: bool) -> Result<Self, DomainError> {
        let mut errors = Errors::default();
        let full_name = request
            .full_name
            .as_deref()
            .and_then(|name| errors.take(text::bounded("full_name", name, openapi::limits::FULL_NAME)));
        let roles = request
            .roles
            .as_deref()
            .and_then(|roles| errors.take(parse_roles("roles", roles, kind)));
        if own_account {
            if request.is_active == Some(false) {
                errors.add(
                    "is_active",
                    FieldErrorCode::NotAllowed,
                    "administrators cannot deactivate their own account",
                );
            }
            if roles.as_ref().is_some_and(|roles| !roles.contains(&Role::Admin)) {
                errors.add(
                    "roles",
                    FieldErrorCode::NotAllowed,
                    "administrators cannot remove their own admin role",
                );
            }
        }
        errors.finish()?;
        Ok(Self {
            full_name,
            roles,
            is_active: request.is_active,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::error::invalid;

    fn request(roles: Vec<Role>) -> CreateUser {
        CreateUser {
            email: "Teacher@Sch61.ru".into(),
            full_name: "Кузнецова Ольга".into(),
            roles,
            password: "long-enough-password".into(),
        }
    }

    fn fields(err: DomainError) -> Vec<(String, FieldErrorCode)> {
        match err {
            DomainError::Invalid(errors) => errors.into_iter().map(|e| (e.field, e.code)).collect(),
            other => panic!("expected validation, got {other:?}"),
        }
    }

    #[test]
    fn roles_are_sorted_and_deduplicated() {
        let user = NewUser::parse(
            &request(vec![Role::Staff, Role::Council, Role::Staff]),
            OrganisationKind::School,
        )
        .unwrap();
        assert_eq!(user.roles, vec![Role::Council, Role::Staff]);
        assert_eq!(user.email, "teacher@sch61.ru");
    }

    #[test]
    fn committee_role_does_not_fit_a_school_and_no_role_is_refused() {
        let err = NewUser::parse(&request(vec![Role::Committee]), OrganisationKind::School).unwrap_err();
        assert_eq!(fields(err), vec![("roles".to_owned(), FieldErrorCode::NotAllowed)]);
        let err = NewUser::parse(&request(vec![]), OrganisationKind::School).unwrap_err();
        assert_eq!(fields(err), vec![("roles".to_owned(), FieldErrorCode::Required)]);
        assert_eq!(
            invalid(NewUser::parse(
                &request(vec![Role::Partner]),
                OrganisationKind::Committee
            )),
            "roles NotAllowed"
        );
    }

    #[test]
    fn every_invalid_field_is_reported_at_once() {
        let bad = CreateUser {
            email: "nope".into(),
            full_name: " ".into(),
            roles: vec![],
            password: "short".into(),
        };
        let names: Vec<String> = fields(NewUser::parse(&bad, OrganisationKind::School).unwrap_err())
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(names, ["email", "full_name", "roles", "password"]);
    }

    #[test]
    fn an_admin_cannot_lock_themselves_out() {
        let deactivate = UpdateUser {
            is_active: Some(false),
            ..Default::default()
        };
        assert_eq!(
            invalid(UserChanges::parse(&deactivate, OrganisationKind::School, true)),
            "is_active NotAllowed"
        );
        assert!(UserChanges::parse(&deactivate, OrganisationKind::School, false).is_ok());
        let demote = UpdateUser {
            roles: Some(vec![Role::Staff]),
            ..Default::default()
        };
        assert_eq!(
            invalid(UserChanges::parse(&demote, OrganisationKind::School, true)),
            "roles NotAllowed"
        );
    }
}
