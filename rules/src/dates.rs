//! The school year: it starts on 1 September and is named by the year it starts in
//! (`2025` is the school year 2025/2026).

use chrono::{Datelike, NaiveDate};

/// The school year a date falls in, by the year it starts.
pub fn school_year_of(date: NaiveDate) -> i32 {
    if date.month() >= 9 {
        date.year()
    } else {
        date.year() - 1
    }
}

/// The first and last day of a school year (1 September to 31 August).
pub fn school_year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 9, 1)?,
        NaiveDate::from_ymd_opt(year + 1, 8, 31)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
    }

    #[test]
    fn a_school_year_starts_on_the_first_of_september() {
        assert_eq!(school_year_of(day(2026, 9, 1)), 2026);
        assert_eq!(school_year_of(day(2026, 8, 31)), 2025);
        assert_eq!(school_year_of(day(2026, 1, 15)), 2025);
        assert_eq!(school_year_of(day(2025, 12, 31)), 2025);
    }

    #[test]
    fn the_bounds_of_a_school_year_contain_exactly_its_days() {
        let (first, last) = school_year_bounds(2025).unwrap_or_default();
        assert_eq!((first, last), (day(2025, 9, 1), day(2026, 8, 31)));
        assert_eq!(school_year_of(first), 2025);
        assert_eq!(school_year_of(last), 2025);
        assert_eq!(school_year_of(last.succ_opt().unwrap_or_default()), 2026);
    }
}
