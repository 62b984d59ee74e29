//! The one error type of the API. Each variant has a stable code and status and becomes
//! an RFC 9457 `application/problem+json` body; internal causes are logged, never sent.

use crate::domain::error::DomainError;
use crate::domain::quota::QuotaExceeded;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use openapi::{FieldError, FieldErrorCode, Problem, ProblemCode, RefusalReason};

tokio::task_local! {
    /// The id of the request being served, set by the request-id middleware.
    pub static REQUEST_ID: String;
}

/// The request id of the current request, when called while serving one.
pub fn current_request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

/// Everything that can go wrong while serving a request.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The body is not JSON or not of the expected shape.
    #[error("malformed body: {0}")]
    MalformedBody(String),
    /// A query parameter is missing or of the wrong type.
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    /// A path parameter is of the wrong type.
    #[error("invalid path: {0}")]
    InvalidPath(String),
    /// Some fields are invalid.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// No bearer token.
    #[error("authentication required")]
    Unauthenticated,
    /// A bad access token.
    #[error("invalid access token")]
    InvalidToken,
    /// An expired access token.
    #[error("access token expired")]
    TokenExpired,
    /// An access token of a session that has ended (signed out, or ended by a password
    /// change or reset or a deactivation).
    #[error("session ended")]
    SessionEnded,
    /// An unknown, used, revoked or expired refresh token.
    #[error("invalid refresh token")]
    InvalidRefreshToken,
    /// Wrong e-mail or password.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// The account is deactivated.
    #[error("account disabled")]
    AccountDisabled,
    /// The current password of a password change is wrong.
    #[error("wrong current password")]
    WrongPassword,
    /// Signed in, but not allowed.
    #[error("forbidden")]
    Forbidden,
    /// Absent or invisible to this user.
    #[error("not found")]
    NotFound,
    /// A known path asked with a method it does not have; `allow` lists those it has.
    #[error("method not allowed")]
    MethodNotAllowed {
        /// The methods of the path, as the `Allow` header lists them.
        allow: String,
    },
    /// A conflict with the current state.
    #[error("conflict: {detail}")]
    Conflict {
        /// What conflicts, in English.
        detail: String,
        /// The fields involved.
        errors: Vec<FieldError>,
    },
    /// An action the record's state does not allow now (a frozen ranking, an issued
    /// order, an unapproved package); `reason` is a stable snake_case code.
    #[error("refused ({}): {detail}", .reason.as_str())]
    Refused {
        /// The stable reason, returned in the problem's `reason`.
        reason: RefusalReason,
        /// What is wrong, in English.
        detail: String,
    },
    /// A lifecycle transition without its evidence, or otherwise not allowed.
    #[error("transition refused: {0}")]
    TransitionRefused(crate::domain::lifecycle::Refusal),
    /// The body exceeds the limit.
    #[error("payload too large")]
    PayloadTooLarge,
    /// A file the organisation's storage quota has no room for.
    #[error("storage quota exceeded: {:?} of {:?}", .0.used, .0.quota)]
    QuotaExceeded(QuotaExceeded),
    /// The body is not JSON.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// A change without `If-Match` on a versioned record.
    #[error("precondition required")]
    PreconditionRequired,
    /// A change whose `If-Match` names another version than the stored one.
    #[error("precondition failed: the record is at version {current:?}")]
    PreconditionFailed {
        /// The stored version, when the record is still there.
        current: Option<i32>,
    },
    /// The body did not arrive within the read deadline.
    #[error("request body timeout")]
    RequestTimeout,
    /// Too many failed attempts.
    #[error("too many requests, retry after {retry_after} s")]
    TooManyRequests {
        /// Seconds to wait.
        retry_after: u64,
    },
    /// The database cannot be reached.
    #[error("database unavailable")]
    DatabaseUnavailable,
    /// Anything unexpected; logged with its whole cause chain.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    /// A failure to read the request body: `408` when its deadline passed, otherwise
    /// `400 malformed_body` naming `what` was being read.
    pub fn body_read(err: &actix_web::error::PayloadError, what: &str) -> Self {
        if crate::http::security::is_deadline(err) {
            Self::RequestTimeout
        } else {
            Self::MalformedBody(format!("cannot read {what}: {err}"))
        }
    }

    /// A validation error on a single field.
    pub fn field(field: &str, code: FieldErrorCode, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError {
            field: field.to_owned(),
            code,
            message: message.into(),
        }])
    }

    /// The stable code of this error.
    pub fn code(&self) -> ProblemCode {
        match self {
            Self::MalformedBody(_) => ProblemCode::MalformedBody,
            Self::InvalidQuery(_) => ProblemCode::InvalidQuery,
            Self::InvalidPath(_) => ProblemCode::InvalidPath,
            Self::Validation(_) => ProblemCode::ValidationFailed,
            Self::Unauthenticated => ProblemCode::Unauthenticated,
            Self::InvalidToken => ProblemCode::InvalidToken,
            Self::TokenExpired => ProblemCode::TokenExpired,
            Self::SessionEnded => ProblemCode::SessionEnded,
            Self::InvalidRefreshToken => ProblemCode::InvalidRefreshToken,
            Self::InvalidCredentials => ProblemCode::InvalidCredentials,
            Self::AccountDisabled => ProblemCode::AccountDisabled,
            Self::WrongPassword => ProblemCode::WrongPassword,
            Self::Forbidden => ProblemCode::Forbidden,
            Self::NotFound => ProblemCode::NotFound,
            Self::MethodNotAllowed { .. } => ProblemCode::MethodNotAllowed,
            Self::Conflict { .. } | Self::Refused { .. } => ProblemCode::Conflict,
            Self::TransitionRefused(_) => ProblemCode::TransitionRefused,
            Self::PayloadTooLarge => ProblemCode::PayloadTooLarge,
            Self::QuotaExceeded(_) => ProblemCode::QuotaExceeded,
            Self::UnsupportedMediaType => ProblemCode::UnsupportedMediaType,
            Self::PreconditionRequired => ProblemCode::PreconditionRequired,
            Self::PreconditionFailed { .. } => ProblemCode::PreconditionFailed,
            Self::RequestTimeout => ProblemCode::RequestTimeout,
            Self::TooManyRequests { .. } => ProblemCode::TooManyRequests,
            Self::DatabaseUnavailable => ProblemCode::DatabaseUnavailable,
            Self::Internal(_) => ProblemCode::Internal,
        }
    }

    fn title(&self) -> &'static str {
        match self {
            Self::MalformedBody(_) => "Malformed request body",
            Self::InvalidQuery(_) => "Invalid query parameters",
            Self::InvalidPath(_) => "Invalid path parameter",
            Self::Validation(_) => "Validation failed",
            Self::Unauthenticated => "Authentication required",
            Self::InvalidToken => "Invalid access token",
            Self::TokenExpired => "Access token expired",
            Self::SessionEnded => "Session ended",
            Self::InvalidRefreshToken => "Invalid refresh token",
            Self::InvalidCredentials => "Invalid e-mail or password",
            Self::AccountDisabled => "Account disabled",
            Self::WrongPassword => "Wrong current password",
            Self::Forbidden => "Forbidden",
            Self::NotFound => "Not found",
            Self::MethodNotAllowed { .. } => "Method not allowed",
            Self::Conflict { .. } | Self::Refused { .. } => "Conflict",
            Self::TransitionRefused(_) => "Transition refused",
            Self::PayloadTooLarge => "Payload too large",
            Self::QuotaExceeded(_) => "Storage quota exceeded",
            Self::UnsupportedMediaType => "Unsupported media type",
            Self::PreconditionRequired => "Precondition required",
            Self::PreconditionFailed { .. } => "Precondition failed",
            Self::RequestTimeout => "Request timeout",
            Self::TooManyRequests { .. } => "Too many requests",
            Self::DatabaseUnavailable => "Database unavailable",
            Self::Internal(_) => "Internal server error",
        }
    }

    fn detail(&self) -> Option<String> {
        match self {
            Self::MalformedBody(detail) | Self::InvalidQuery(detail) | Self::InvalidPath(detail) => {
                Some(detail.clone())
            }
            Self::Conflict { detail, .. } | Self::Refused { detail, .. } => Some(detail.clone()),
            Self::TransitionRefused(refusal) => Some(refusal.to_string()),
            Self::TooManyRequests { retry_after } => Some(format!(
                "Too many attempts or requests; retry in {retry_after} seconds."
            )),
            Self::Validation(_) => Some("One or more fields are invalid.".to_owned()),
            Self::PreconditionRequired => Some(
                "This change must name the version it was made on: send `If-Match` with the record's `ETag`."
                    .to_owned(),
            ),
            Self::PreconditionFailed { current: Some(current) } => Some(format!(
                "Someone else changed the record; it is at version {current} now. Read it again and resend the change."
            )),
            Self::PreconditionFailed { current: None } => {
                Some("The version named in `If-Match` is not the record's current one.".to_owned())
            }
            Self::QuotaExceeded(QuotaExceeded { used, quota }) => Some(format!(
                "The organisation keeps {} files of {} bytes; it may keep {} files of {} bytes, and this file does not fit.",
                used.files, used.bytes, quota.files, quota.bytes
            )),
            _ => None,
        }
    }

    /// The problem body for this error.
    pub fn problem(&self) -> Problem {
        let code = self.code();
        let quota = match self {
            Self::QuotaExceeded(refusal) => Some(*refusal),
            _ => None,
        };
        Problem {
            problem_type: format!("urn:problem:{}", code.as_str()),
            title: self.title().to_owned(),
            status: self.status_code().as_u16(),
            detail: self.detail(),
            code,
            errors: match self {
                Self::Validation(errors) | Self::Conflict { errors, .. } => errors.clone(),
                _ => Vec::new(),
            },
            reason: match self {
                Self::TransitionRefused(refusal) => Some(refusal.reason()),
                Self::Refused { reason, .. } => Some(*reason),
                _ => None,
            },
            request_id: current_request_id(),
            used_files: quota.map(|q| q.used.files),
            used_bytes: quota.map(|q| q.used.bytes),
            quota_files: quota.map(|q| q.quota.files),
            quota_bytes: quota.map(|q| q.quota.bytes),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::MalformedBody(_) | Self::InvalidQuery(_) | Self::InvalidPath(_) | Self::WrongPassword => {
                StatusCode::BAD_REQUEST
            }
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Unauthenticated
            | Self::InvalidToken
            | Self::TokenExpired
            | Self::SessionEnded
            | Self::InvalidRefreshToken
            | Self::InvalidCredentials => StatusCode::UNAUTHORIZED,
            Self::AccountDisabled | Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict { .. } | Self::Refused { .. } | Self::TransitionRefused(_) => StatusCode::CONFLICT,
            Self::PayloadTooLarge | Self::QuotaExceeded(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            Self::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            Self::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::DatabaseUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(err) = self {
            tracing::error!(error = format!("{err:#}"), "request failed");
        }
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        ));
        match self {
            Self::Unauthenticated | Self::InvalidToken | Self::TokenExpired | Self::SessionEnded => {
                response.insert_header((header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer")));
            }
            Self::TooManyRequests { retry_after } => {
                response.insert_header((header::RETRY_AFTER, retry_after.to_string()));
            }
            Self::PreconditionFailed { current: Some(current) } => {
                response.insert_header((header::ETAG, crate::http::etag::etag_of(*current)));
            }
            Self::MethodNotAllowed { allow } => {
                response.insert_header((header::ALLOW, allow.clone()));
            }
            Self::DatabaseUnavailable => {
                response.insert_header((header::RETRY_AFTER, HeaderValue::from_static("5")));
            }
            _ => {}
        }
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        response.body(body)
    }
}

/// The one place where a domain refusal becomes an API error.
impl From<DomainError> for ApiError {
    fn from(err: DomainError) -> Self {
        match err {
            DomainError::Invalid(errors) => Self::Validation(errors),
            DomainError::Refused { reason, detail } => Self::Refused { reason, detail },
            DomainError::Forbidden => Self::Forbidden,
        }
    }
}

impl From<QuotaExceeded> for ApiError {
    fn from(refusal: QuotaExceeded) -> Self {
        Self::QuotaExceeded(refusal)
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(err: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match err {
            Error::NotFound => Self::NotFound,
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => Self::Conflict {
                detail: "A record with the same unique value already exists.".to_owned(),
                errors: Vec::new(),
            },
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => Self::DatabaseUnavailable,
            Error::DatabaseError(_, ref info) if is_busy(info.message()) => {
                tracing::warn!(error = info.message(), "database busy");
                Self::DatabaseUnavailable
            }
            other => Self::Internal(anyhow::Error::new(other).context("database query failed")),
        }
    }
}

/// Whether a database error says the database stayed locked by another writer past the
/// busy timeout (SQLite's `SQLITE_BUSY` / `SQLITE_LOCKED`): the request may be retried.
fn is_busy(message: &str) -> bool {
    message.starts_with("database is locked") || message.starts_with("database table is locked")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_hide_their_cause_from_the_client() {
        let err = ApiError::Internal(anyhow::anyhow!("SELECT secret FROM users failed"));
        let problem = err.problem();
        assert_eq!(problem.status, 500);
        assert_eq!(problem.code, ProblemCode::Internal);
        assert!(problem.detail.is_none());
        assert!(!serde_json::to_string(&problem).unwrap_or_default().contains("SELECT"));
    }

    #[test]
    fn a_busy_database_is_503_with_retry_after_not_500() {
        let err = ApiError::from(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::Unknown,
            Box::new(String::from("database is locked")),
        ));
        assert_eq!(err.status_code(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(err.code(), ProblemCode::DatabaseUnavailable);
        let response = err.error_response();
        assert_eq!(
            response
                .headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok()),
            Some("5")
        );
        let other = ApiError::from(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::Unknown,
            Box::new(String::from("no such table: x")),
        ));
        assert_eq!(other.status_code(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn a_refused_upload_states_the_use_and_the_quota() {
        use crate::domain::quota::{StorageQuota, StorageUse};
        let err = ApiError::QuotaExceeded(QuotaExceeded {
            used: StorageUse { files: 3, bytes: 90 },
            quota: StorageQuota { files: 3, bytes: 100 },
        });
        assert_eq!(err.status_code(), StatusCode::PAYLOAD_TOO_LARGE);
        let problem = err.problem();
        assert_eq!(problem.code, ProblemCode::QuotaExceeded);
        assert_eq!(
            (
                problem.used_files,
                problem.used_bytes,
                problem.quota_files,
                problem.quota_bytes
            ),
            (Some(3), Some(90), Some(3), Some(100))
        );
        let other = ApiError::PayloadTooLarge.problem();
        assert_eq!((other.used_files, other.quota_bytes), (None, None));
    }

    #[test]
    fn unique_violation_is_a_conflict() {
        let err = ApiError::from(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            Box::new(String::from("duplicate key")),
        ));
        assert_eq!(err.status_code(), StatusCode::CONFLICT);
    }
}
