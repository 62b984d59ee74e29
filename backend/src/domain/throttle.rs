//! Throttling of sign-in attempts to one account from one client address.
//!
//! Every attempt is recorded *before* the password is checked, and a successful one
//! clears the account's attempts from its address; what is left are failures (or
//! attempts still in flight, which count too, so that parallel guesses cannot slip
//! through). After [`FREE_FAILURES`] of them within [`WINDOW`], each further attempt
//! waits [`FIRST_DELAY`] after the latest one, doubling with every failure, at most
//! [`MAX_DELAY`]. The key is the account **and** the address: someone who knows a user's
//! e-mail slows down only their own address, never the user signing in from theirs.

use chrono::{NaiveDateTime, TimeDelta};

/// Failures allowed before the delays start.
pub const FREE_FAILURES: i64 = 5;
/// How long a failure is remembered.
pub const WINDOW: TimeDelta = TimeDelta::hours(1);
/// The wait after the first failure beyond the free ones.
pub const FIRST_DELAY: TimeDelta = TimeDelta::seconds(30);
/// The longest wait, however many failures.
pub const MAX_DELAY: TimeDelta = TimeDelta::minutes(15);

/// Doublings after which [`FIRST_DELAY`] is past [`MAX_DELAY`]: more change nothing.
const DOUBLINGS: i64 = 5;
const _: () = assert!(FIRST_DELAY.num_seconds() << DOUBLINGS >= MAX_DELAY.num_seconds());

/// The wait imposed after `failures` failures: none up to [`FREE_FAILURES`], then
/// [`FIRST_DELAY`] doubling with each failure, capped at [`MAX_DELAY`].
pub fn delay(failures: i64) -> Option<TimeDelta> {
    let beyond = failures - FREE_FAILURES;
    (beyond >= 0).then(|| (FIRST_DELAY * (1 << beyond.min(DOUBLINGS))).min(MAX_DELAY))
}

/// Seconds to wait before this attempt may be checked, given the earlier attempts of the
/// account from this address within the window and the time of the latest of them; `None`
/// when it may be checked now.
pub fn retry_after(earlier: i64, latest: Option<NaiveDateTime>, now: NaiveDateTime) -> Option<u64> {
    let wait = delay(earlier)?;
    let latest = latest?;
    let left = (latest + wait - now).num_seconds();
    u64::try_from(left).ok().filter(|left| *left > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: u32, second: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
            .unwrap()
            .and_hms_opt(10, minute, second)
            .unwrap()
    }

    #[test]
    fn the_free_failures_are_checked_at_once() {
        assert_eq!(retry_after(4, Some(at(0, 0)), at(0, 0)), None);
    }

    #[test]
    fn the_delays_grow_and_stop_at_the_cap() {
        assert_eq!(delay(5), Some(TimeDelta::seconds(30)));
        assert_eq!(delay(6), Some(TimeDelta::seconds(60)));
        assert_eq!(delay(8), Some(TimeDelta::seconds(240)));
        assert_eq!(delay(10), Some(MAX_DELAY));
        assert_eq!(delay(10_000), Some(MAX_DELAY));
    }

    #[test]
    fn a_delayed_attempt_waits_from_the_latest_failure() {
        assert_eq!(retry_after(5, Some(at(0, 0)), at(0, 10)), Some(20));
        assert_eq!(retry_after(5, Some(at(0, 0)), at(0, 30)), None);
        assert_eq!(retry_after(7, Some(at(1, 0)), at(2, 0)), Some(60));
    }
}
