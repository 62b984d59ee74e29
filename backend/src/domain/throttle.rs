//! Throttling of failed sign-ins: after [`MAX_FAILURES`] failures of one e-mail within
//! [`WINDOW`], further attempts are refused until the oldest of them leaves the window.

use chrono::{NaiveDateTime, TimeDelta};

/// Failures allowed within the window.
pub const MAX_FAILURES: i64 = 5;
/// The sliding window.
pub const WINDOW: TimeDelta = TimeDelta::minutes(15);

/// Seconds to wait before another attempt, or `None` when one is allowed now.
pub fn retry_after(failures: i64, oldest: Option<NaiveDateTime>, now: NaiveDateTime) -> Option<u64> {
    if failures < MAX_FAILURES {
        return None;
    }
    let oldest = oldest?;
    let wait = (oldest + WINDOW - now).num_seconds().max(1);
    u64::try_from(wait).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
            .unwrap()
            .and_hms_opt(10, minute, 0)
            .unwrap()
    }

    #[test]
    fn four_failures_still_allow_an_attempt() {
        assert_eq!(retry_after(4, Some(at(0)), at(1)), None);
    }

    #[test]
    fn the_fifth_failure_blocks_until_the_oldest_leaves_the_window() {
        assert_eq!(retry_after(5, Some(at(0)), at(5)), Some(600));
        assert_eq!(retry_after(7, Some(at(0)), at(15)), Some(1));
    }
}
