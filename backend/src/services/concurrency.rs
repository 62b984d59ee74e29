//! Optimistic concurrency of editable records. Every such record carries a `version`
//! (1 when created, one more after every write). A change names the version it was made
//! on (`If-Match` on the wire); the use case compares it with the stored one and then
//! moves the record on with a conditional `UPDATE … WHERE id = ? AND version = ?` inside
//! its transaction, so of two writers that read the same version exactly one wins.

use super::Outcome;
use crate::error::ApiError;

/// The version a change was made on, as the client named it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// The client named no version: the change is refused as `428`.
    Missing,
    /// The client named a version that no record can be at (a weak or malformed tag, or
    /// several tags): the change is refused as `412`.
    Unmatchable,
    /// The client named this version.
    Version(i32),
}

impl Expected {
    /// The named version if it is the stored one: `428` when none was named, `412` when
    /// another one was.
    pub fn check(self, current: i32) -> Outcome<i32> {
        match self {
            Self::Missing => Err(ApiError::PreconditionRequired),
            Self::Version(version) if version == current => Ok(version),
            Self::Version(_) | Self::Unmatchable => Err(ApiError::PreconditionFailed { current: Some(current) }),
        }
    }
}

/// Turns the result of a conditional version update into the use case's answer: no row
/// moved on means another writer changed the record since it was read (`412`).
pub fn claimed(moved_on: bool) -> Outcome<()> {
    if moved_on {
        Ok(())
    } else {
        Err(ApiError::PreconditionFailed { current: None })
    }
}

/// Checks the named version and moves the record on in one step: `claim` is the model's
/// conditional update from the checked version.
pub fn claim(expected: Expected, current: i32, claim: impl FnOnce(i32) -> diesel::QueryResult<bool>) -> Outcome<()> {
    let version = expected.check(current)?;
    claimed(claim(version)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::ProblemCode;

    #[test]
    fn a_change_without_a_version_is_refused_as_precondition_required() {
        let err = Expected::Missing.check(3).unwrap_err();
        assert_eq!(err.code(), ProblemCode::PreconditionRequired);
    }

    #[test]
    fn a_stale_or_unmatchable_version_is_refused_with_the_current_one() {
        for expected in [Expected::Version(2), Expected::Unmatchable] {
            let err = expected.check(3).unwrap_err();
            assert!(
                matches!(err, ApiError::PreconditionFailed { current: Some(3) }),
                "{err:?}"
            );
        }
        assert_eq!(Expected::Version(3).check(3).unwrap(), 3);
    }

    #[test]
    fn a_conditional_update_that_moved_nothing_is_a_failed_precondition() {
        assert!(claimed(true).is_ok());
        assert_eq!(claimed(false).unwrap_err().code(), ProblemCode::PreconditionFailed);
        let err = claim(Expected::Version(1), 1, |_| Ok(false)).unwrap_err();
        assert_eq!(err.code(), ProblemCode::PreconditionFailed);
    }
}
