//! Parsing of free-text fields: trimmed, length-checked, with the field named on error.

use crate::domain::error::DomainError;
use openapi::limits::{Items, Range, Text};
use openapi::{FieldError, FieldErrorCode};
use rules::limits::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};

/// Collects field errors so that a form reports all of them at once.
#[derive(Debug, Default)]
pub struct Errors(Vec<FieldError>);

impl Errors {
    /// Records an error on a field.
    pub fn add(&mut self, field: &str, code: FieldErrorCode, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            code,
            message: message.into(),
        });
    }

    /// Keeps the value, or records its error and returns `None`.
    pub fn take<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(err) => {
                self.0.push(err);
                None
            }
        }
    }

    /// `Ok` when no error was recorded.
    pub fn finish(self) -> Result<(), DomainError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Invalid(self.0))
        }
    }
}

/// Builds the error of one field.
pub fn field_error(field: &str, code: FieldErrorCode, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.to_owned(),
        code,
        message: message.into(),
    }
}

/// A trimmed text within `limit`: at most `limit.max` characters as sent, at least
/// `limit.min` once trimmed (characters, not bytes: Cyrillic counts one a letter), no
/// control characters. The OpenAPI document states the same rule from the same constant
/// (`openapi::limits`).
pub fn bounded(field: &str, value: &str, limit: Text) -> Result<String, FieldError> {
    let Text { min, max, .. } = limit;
    if value.chars().count() > max {
        return Err(field_error(
            field,
            FieldErrorCode::TooLong,
            format!("must be at most {max} characters"),
        ));
    }
    let value = value.trim();
    let length = value.chars().count();
    if length == 0 {
        return Err(field_error(field, FieldErrorCode::Required, "must not be empty"));
    }
    if length < min {
        return Err(field_error(
            field,
            FieldErrorCode::TooShort,
            format!("must be at least {min} characters"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(field_error(
            field,
            FieldErrorCode::InvalidFormat,
            "must not contain control characters",
        ));
    }
    Ok(value.to_owned())
}

/// A list of at most `limit.max` entries: the error names the list, not an entry. (The
/// fewest entries are each list's own rule, with its own message.) The OpenAPI document
/// states the same bound as `maxItems` (`openapi::limits`).
pub fn at_most(field: &str, entries: usize, limit: Items) -> Result<(), FieldError> {
    if entries > limit.max {
        Err(field_error(
            field,
            FieldErrorCode::OutOfRange,
            format!("must have at most {} entries", limit.max),
        ))
    } else {
        Ok(())
    }
}

/// A number within `limit`, both ends included; the error names the field and the range.
/// The OpenAPI document states the same range from the same constant (`openapi::limits`).
pub fn in_range<T: Copy + Into<i64>>(field: &str, value: T, limit: Range) -> Result<T, FieldError> {
    if limit.contains(value) {
        Ok(value)
    } else {
        Err(field_error(
            field,
            FieldErrorCode::OutOfRange,
            format!("must be {} to {}", limit.min, limit.max),
        ))
    }
}

/// An optional text within `limit`: blank (white space only) reads as absent, anything
/// else is checked as [`bounded`]; the longest counts as sent either way.
pub fn optional(field: &str, value: &str, limit: Text) -> Result<Option<String>, FieldError> {
    if value.trim().is_empty() && value.chars().count() <= limit.max {
        return Ok(None);
    }
    bounded(field, value, limit).map(Some)
}

/// An e-mail address, lower-cased: one `@`, a non-empty local part, a dotted domain.
pub fn email(field: &str, value: &str) -> Result<String, FieldError> {
    let value = value.trim().to_lowercase();
    if value.is_empty() {
        return Err(field_error(field, FieldErrorCode::Required, "must not be empty"));
    }
    if value.chars().count() > 254 {
        return Err(field_error(
            field,
            FieldErrorCode::TooLong,
            "must be at most 254 characters",
        ));
    }
    let valid = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
                && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    if valid {
        Ok(value)
    } else {
        Err(field_error(
            field,
            FieldErrorCode::InvalidFormat,
            "is not an e-mail address",
        ))
    }
}

/// A new password: [`MIN_PASSWORD_CHARS`] to [`MAX_PASSWORD_CHARS`] characters, not only spaces.
pub fn new_password(field: &str, value: &str) -> Result<String, FieldError> {
    let length = value.chars().count();
    if value.trim().is_empty() {
        return Err(field_error(field, FieldErrorCode::Required, "must not be empty"));
    }
    if length < MIN_PASSWORD_CHARS {
        return Err(field_error(
            field,
            FieldErrorCode::TooShort,
            format!("must be at least {MIN_PASSWORD_CHARS} characters"),
        ));
    }
    if length > MAX_PASSWORD_CHARS {
        return Err(field_error(
            field,
            FieldErrorCode::TooLong,
            format!("must be at most {MAX_PASSWORD_CHARS} characters"),
        ));
    }
    Ok(value.to_owned())
}

/// The lower-cased text a search matches against; lower-casing in Rust handles Cyrillic,
/// which SQLite's `LIKE` and `lower()` do not.
pub fn search_key(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|part| part.trim().to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A search as the `search` columns hold text (see [`search_key`]): trimmed and
/// lowercased; `None` when blank, which searches nothing.
pub fn search_term(q: &str) -> Option<String> {
    let term = q.trim().to_lowercase();
    (!term.is_empty()).then_some(term)
}

/// A term of [`search_term`] as a `LIKE` pattern of a substring, with its wildcards
/// escaped by `\`.
pub fn like_term(term: &str) -> String {
    let escaped = term.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// A search as a `LIKE` pattern ([`search_term`], then [`like_term`]).
pub fn like_pattern(q: &str) -> Option<String> {
    search_term(q).map(|term| like_term(&term))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_counts_characters_not_bytes() {
        let name = openapi::limits::FULL_NAME;
        assert_eq!(name.max, 200);
        assert_eq!(bounded("name", "  Иван", name).unwrap(), "Иван");
        let longest = "Я".repeat(200);
        assert_eq!(bounded("name", &longest, name).unwrap(), longest);
        assert_eq!(
            bounded("name", &format!("{longest}я"), name).unwrap_err().code,
            FieldErrorCode::TooLong
        );
        assert_eq!(bounded("name", "   ", name).unwrap_err().code, FieldErrorCode::Required);
        assert_eq!(
            bounded("name", " Ив ", name).unwrap_err().code,
            FieldErrorCode::TooShort
        );
        // The longest counts as sent, as the document's `maxLength` does.
        assert_eq!(
            bounded("name", &format!(" {longest}"), name).unwrap_err().code,
            FieldErrorCode::TooLong
        );
    }

    #[test]
    fn a_number_is_within_its_range_both_ends_included() {
        let year = openapi::limits::SCHOOL_YEAR;
        assert_eq!(in_range("year", 2000, year).unwrap(), 2000);
        assert_eq!(in_range("year", 2100, year).unwrap(), 2100);
        let err = in_range("year", 2101, year).unwrap_err();
        assert_eq!((err.field.as_str(), err.code), ("year", FieldErrorCode::OutOfRange));
        assert_eq!(err.message, "must be 2000 to 2100");
        assert!(in_range("year", 1999, year).is_err());
    }

    #[test]
    fn an_optional_text_may_be_blank_but_not_too_long() {
        let note = openapi::limits::OPTIONAL_NOTE;
        assert_eq!(optional("note", "  ", note).unwrap(), None);
        assert_eq!(optional("note", " Да ", note).unwrap().as_deref(), Some("Да"));
        assert_eq!(
            optional("note", &" ".repeat(note.max + 1), note).unwrap_err().code,
            FieldErrorCode::TooLong
        );
        assert_eq!(
            optional("note", "a\u{7}b", note).unwrap_err().code,
            FieldErrorCode::InvalidFormat
        );
    }

    #[test]
    fn email_is_lowercased_and_checked() {
        assert_eq!(
            email("email", " Director@School61.RU ").unwrap(),
            "director@school61.ru"
        );
        assert_eq!(
            crate::domain::error::refused_field(email("email", "")),
            "email Required"
        );
        for bad in ["plain", "a@b", "@b.ru", "a@@b.ru", "a b@c.ru", "a@.ru", "a@b..ru"] {
            assert_eq!(
                crate::domain::error::refused_field(email("email", bad)),
                "email InvalidFormat",
                "{bad} should be refused as malformed"
            );
        }
    }

    #[test]
    fn password_needs_ten_characters() {
        assert_eq!(
            new_password("password", "123456789").unwrap_err().code,
            FieldErrorCode::TooShort
        );
        assert!(new_password("password", "пароль-надёжный").is_ok());
    }

    #[test]
    fn search_handles_cyrillic_and_escapes_wildcards() {
        assert_eq!(search_key(&["Иванова Мария", "M@X.RU"]), "иванова мария m@x.ru");
        assert_eq!(like_pattern(" ИВАН ").as_deref(), Some("%иван%"));
        assert_eq!(like_pattern("50%_a").as_deref(), Some("%50\\%\\_a%"));
        assert_eq!(like_pattern("  "), None);
    }
}
