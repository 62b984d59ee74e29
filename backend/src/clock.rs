//! The calendar the use cases reckon with: one place that says what day it is.

use chrono::{NaiveDate, Utc};

/// Today in UTC: the date plans, reminders, school years and deadlines are computed for.
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}
