//! The RFC 9457 `application/problem+json` body every error response carries.

use serde::{Deserialize, Serialize};

/// A stable, machine-readable error code; clients branch on it, never on the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// The body is not valid JSON or does not match the expected shape.
    MalformedBody,
    /// A query string parameter is missing or has the wrong type.
    InvalidQuery,
    /// A path parameter has the wrong type.
    InvalidPath,
    /// The body was understood but some fields are invalid; see `errors`.
    ValidationFailed,
    /// No `Authorization: Bearer` token was sent.
    Unauthenticated,
    /// The access token is malformed, tampered with or signed with another key.
    InvalidToken,
    /// The access token has expired; refresh it.
    TokenExpired,
    /// The refresh token is unknown, used already, revoked or expired.
    InvalidRefreshToken,
    /// The e-mail or password is wrong.
    InvalidCredentials,
    /// The account has been deactivated by its school's administrator.
    AccountDisabled,
    /// The current password given for a password change is wrong.
    WrongPassword,
    /// The user is signed in but may not do this.
    Forbidden,
    /// The resource does not exist, or is not visible to this user.
    NotFound,
    /// The HTTP method is not allowed on this path.
    MethodNotAllowed,
    /// The request conflicts with the current state (for example a duplicate).
    Conflict,
    /// A lifecycle transition is not allowed now; `reason` says why.
    TransitionRefused,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// The body's content type is not accepted here.
    UnsupportedMediaType,
    /// Too many attempts; wait for the number of seconds in `Retry-After`.
    TooManyRequests,
    /// The database cannot be reached right now.
    DatabaseUnavailable,
    /// An unexpected error; the server log has the details under the request id.
    Internal,
    /// A code this client version does not know yet.
    #[serde(other)]
    Unknown,
}

impl ProblemCode {
    /// The snake_case spelling used on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::MalformedBody => "malformed_body",
            Self::InvalidQuery => "invalid_query",
            Self::InvalidPath => "invalid_path",
            Self::ValidationFailed => "validation_failed",
            Self::Unauthenticated => "unauthenticated",
            Self::InvalidToken => "invalid_token",
            Self::TokenExpired => "token_expired",
            Self::InvalidRefreshToken => "invalid_refresh_token",
            Self::InvalidCredentials => "invalid_credentials",
            Self::AccountDisabled => "account_disabled",
            Self::WrongPassword => "wrong_password",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::Conflict => "conflict",
            Self::TransitionRefused => "transition_refused",
            Self::PayloadTooLarge => "payload_too_large",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::TooManyRequests => "too_many_requests",
            Self::DatabaseUnavailable => "database_unavailable",
            Self::Internal => "internal",
            Self::Unknown => "unknown",
        }
    }
}

/// What is wrong with one field of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldErrorCode {
    /// The field is missing or empty.
    Required,
    /// The value is shorter than allowed.
    TooShort,
    /// The value is longer than allowed.
    TooLong,
    /// The value does not have the expected format (for example an e-mail address).
    InvalidFormat,
    /// The value is outside the allowed range.
    OutOfRange,
    /// The value is already taken by another record.
    Taken,
    /// The value is not allowed in this situation.
    NotAllowed,
    /// A code this client version does not know yet.
    #[serde(other)]
    Unknown,
}

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's name as it appears in the request body or query (`email`, `roles`).
    pub field: String,
    /// What is wrong with it.
    pub code: FieldErrorCode,
    /// A human-readable explanation in English; clients show their own text by `code`.
    pub message: String,
}

/// An RFC 9457 problem details body (`application/problem+json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI reference naming the problem type (`urn:problem:<code>`).
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short summary of the problem type, in English.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// An explanation of this occurrence, in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The stable machine-readable code.
    pub code: ProblemCode,
    /// The invalid fields, for `validation_failed` and some `conflict` problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// A finer stable code for some problems: for `transition_refused` one of
    /// `same_stage`, `skips_a_step`, `reason_required`, `no_accepted_request`,
    /// `no_design_document`, `no_produced_version`, `no_delivery`; for a `conflict` with
    /// the record's state one of `ranking_frozen`, `ranking_scored`, `problem_cited`,
    /// `already_approved`, `not_under_review`, `nothing_to_submit`, `order_issued`,
    /// `package_not_approved`, `structures_not_approved`, `no_ranked_problems`,
    /// `year_confirmed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The id of the request, as logged by the server and sent in `x-request-id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}
