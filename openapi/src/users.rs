//! User accounts and their roles within an organisation.

use crate::ids::{OrganisationId, UserId};
use crate::organisations::OrganisationSummary;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a user may do within their organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// School administration, the director (администрация): manages users, approves, issues orders.
    Admin,
    /// Member of the scientific-methodological council (НМС).
    Council,
    /// A teacher or member of a creative group (педагог).
    Staff,
    /// A scientific supervisor (научный руководитель).
    Supervisor,
    /// Staff of the education committee (заказчик): reads every school's work.
    Committee,
    /// Staff of a partner school (потребитель): files requests and feedback.
    Partner,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Self; 6] = [
        Self::Admin,
        Self::Council,
        Self::Staff,
        Self::Supervisor,
        Self::Committee,
        Self::Partner,
    ];

    /// The snake_case spelling used on the wire and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Council => "council",
            Self::Staff => "staff",
            Self::Supervisor => "supervisor",
            Self::Committee => "committee",
            Self::Partner => "partner",
        }
    }

    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_str() == value)
    }
}

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Locale {
    /// Russian, the default.
    #[default]
    Ru,
    /// English.
    En,
}

impl Locale {
    /// The BCP 47 tag.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ru => "ru",
            Self::En => "en",
        }
    }

    /// Parses the BCP 47 tag.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "ru" => Some(Self::Ru),
            "en" => Some(Self::En),
            _ => None,
        }
    }
}

/// A user account as an administrator sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct User {
    /// The user's id.
    pub id: UserId,
    /// The organisation the user belongs to.
    pub org_id: OrganisationId,
    /// The sign-in e-mail, lower-case.
    pub email: String,
    /// Full name («Иванова Мария Петровна»).
    pub full_name: String,
    /// Roles within the organisation, at least one.
    pub roles: Vec<Role>,
    /// False once an administrator deactivated the account; it can no longer sign in.
    pub is_active: bool,
    /// True for operators of the whole platform, who register organisations.
    pub is_platform_admin: bool,
    /// When the account was created (UTC).
    pub created_at: DateTime<Utc>,
    /// When the account was last changed (UTC).
    pub updated_at: DateTime<Utc>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// The signed-in user, with their organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Me {
    /// The user's id.
    pub id: UserId,
    /// The sign-in e-mail.
    pub email: String,
    /// Full name.
    pub full_name: String,
    /// The organisation the user belongs to.
    pub organisation: OrganisationSummary,
    /// Roles within the organisation.
    pub roles: Vec<Role>,
    /// True for operators of the whole platform.
    pub is_platform_admin: bool,
    /// The preferred interface language.
    pub locale: Locale,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

impl Me {
    /// Whether the user holds a role.
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// Changes to the signed-in user's own profile; absent fields stay as they are.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct UpdateMe {
    /// New full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// New interface language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
}

/// A password change by the user themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ChangePassword {
    /// The password in use now.
    pub current_password: String,
    /// The new password, 10 to 128 characters.
    pub new_password: String,
    /// `true`: the new session's refresh token comes in the answer's body, as at sign-in;
    /// otherwise in the HttpOnly `refresh_token` cookie.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refresh_token_in_body: bool,
}

/// A new account in the administrator's organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct CreateUser {
    /// The sign-in e-mail, unique across the platform.
    pub email: String,
    /// Full name.
    pub full_name: String,
    /// Roles within the organisation, at least one.
    pub roles: Vec<Role>,
    /// The initial password, 10 to 128 characters.
    pub password: String,
}

/// Changes to an account by its organisation's administrator; absent fields stay as they are.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct UpdateUser {
    /// New full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// The new set of roles, at least one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<Role>>,
    /// False deactivates the account and signs it out everywhere; true reactivates it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
}

/// A temporary password set by an administrator's reset; shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct PasswordReset {
    /// The new password to hand to the user; every session of the user was signed out.
    pub temporary_password: String,
}

/// Filters of the user list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct UserFilter {
    /// Case-insensitive search in the name and e-mail.
    pub q: Option<String>,
    /// Only users holding this role.
    pub role: Option<Role>,
    /// Only active (true) or only deactivated (false) accounts.
    pub active: Option<bool>,
}
