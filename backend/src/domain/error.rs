//! Why a rule refused: the one error type of `domain/`, free of HTTP. The API turns it
//! into a problem body in one place (`crate::error`).

use openapi::{FieldError, FieldErrorCode, RefusalReason};

/// A refusal by a domain rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// Some fields of the input are invalid; each is named.
    #[error("invalid input: {}", describe(.0))]
    Invalid(Vec<FieldError>),
    /// The record's state does not allow the action now.
    #[error("refused ({}): {detail}", .reason.as_str())]
    Refused {
        /// The stable reason, translated by clients.
        reason: RefusalReason,
        /// What is wrong, in English.
        detail: String,
    },
    /// The actor may not do this at all.
    #[error("not allowed")]
    Forbidden,
}

fn describe(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("; ")
}

impl From<FieldError> for DomainError {
    /// One invalid field.
    fn from(err: FieldError) -> Self {
        Self::Invalid(vec![err])
    }
}

impl DomainError {
    /// An invalid single field.
    pub fn field(field: &str, code: FieldErrorCode, message: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldError {
            field: field.to_owned(),
            code,
            message: message.into(),
        }])
    }

    /// A refusal by the record's state.
    pub fn refused(reason: RefusalReason, detail: impl Into<String>) -> Self {
        Self::Refused {
            reason,
            detail: detail.into(),
        }
    }

    /// Refuses one more entry of a list that holds `taken` of at most `limit.max`
    /// (`item_limit`); `what` names the entries and their parent in the detail.
    pub fn room_for_one(taken: i64, limit: openapi::limits::Items, what: &str) -> Result<(), Self> {
        if usize::try_from(taken).is_ok_and(|taken| taken < limit.max) {
            Ok(())
        } else {
            Err(Self::refused(
                RefusalReason::ItemLimit,
                format!(
                    "There are {taken} {what} already, the most there may be is {}.",
                    limit.max
                ),
            ))
        }
    }

    /// The invalid fields, when this is a validation refusal: `(field, code)` pairs, for
    /// tests and logs.
    pub fn fields(&self) -> Vec<(&str, FieldErrorCode)> {
        match self {
            Self::Invalid(errors) => errors.iter().map(|e| (e.field.as_str(), e.code)).collect(),
            _ => Vec::new(),
        }
    }

    /// The reason, when this is a refusal by the record's state.
    pub fn reason(&self) -> Option<RefusalReason> {
        match self {
            Self::Refused { reason, .. } => Some(*reason),
            _ => None,
        }
    }
}

/// The result of a domain rule.
pub type DomainResult<T> = Result<T, DomainError>;

/// The refused fields of a parse, as `"field Code"` joined by `; `, for unit tests that
/// assert which field failed and why; panics when the input was accepted or refused
/// for another reason.
#[cfg(test)]
pub(crate) fn invalid<T: std::fmt::Debug>(result: Result<T, DomainError>) -> String {
    match result {
        Err(DomainError::Invalid(errors)) => errors
            .iter()
            .map(|e| format!("{} {:?}", e.field, e.code))
            .collect::<Vec<_>>()
            .join("; "),
        other => panic!("expected invalid fields, got {other:?}"),
    }
}

/// The refused field of a single-field check, as `"field Code"`; panics when accepted.
#[cfg(test)]
pub(crate) fn refused_field<T: std::fmt::Debug>(result: Result<T, FieldError>) -> String {
    match result {
        Err(e) => format!("{} {:?}", e.field, e.code),
        Ok(value) => panic!("expected a refused field, got {value:?}"),
    }
}
