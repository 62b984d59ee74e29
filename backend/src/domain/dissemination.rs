//! Dissemination figures for a school year (Regulation 1.3, 2.3; expertise criterion (b)):
//! which school year a request names, and the wire figures from the raw counts, with the
//! formulas `openapi::dissemination::Dissemination` documents.

use crate::domain::error::DomainError;
use crate::domain::text::in_range;
use chrono::NaiveDate;
use openapi::dissemination::{Dissemination, EventKindCount, EventLevelCount, SchoolYearSpan};
use openapi::events::{EventKind, EventLevel};
use openapi::limits;
use rules::dates::{school_year_bounds, school_year_of};
use std::collections::BTreeMap;

/// One school's raw counts for a school year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// Pilots in the year.
    pub pilots: i64,
    /// Distinct schools among their sites.
    pub pilot_sites: i64,
    /// Their pupils.
    pub pilot_pupils: i64,
    /// Risks open or occurred.
    pub risks_open: i64,
    /// Risks mitigated or closed.
    pub risks_closed: i64,
    /// Cohorts in the year.
    pub cohorts: i64,
    /// Distinct teachers with a completion in the year.
    pub teachers_trained: i64,
    /// Hours of those completions.
    pub training_hours: i64,
    /// Certificates issued.
    pub certificates: i64,
    /// Consultations held.
    pub consultations: i64,
    /// Their participants.
    pub consultation_participants: i64,
    /// Events by kind.
    pub events_by_kind: BTreeMap<EventKind, i64>,
    /// Events by level.
    pub events_by_level: BTreeMap<EventLevel, i64>,
    /// Attended registrations at organised events.
    pub attendees: i64,
    /// Fair stands.
    pub fair_stands: i64,
    /// Ratings of them.
    pub fair_ratings: i64,
    /// Sum of those ratings.
    pub fair_score_sum: i64,
    /// Requests filed.
    pub requests: i64,
    /// Deliveries made.
    pub deliveries: i64,
    /// Satisfaction answers filed.
    pub responses: i64,
    /// Of them with CSAT 4 or 5.
    pub satisfied: i64,
    /// Distinct other organisations reached (pilot sites, trainees' schools, consulted
    /// schools, attendees' schools, recipients of deliveries).
    pub schools_reached: i64,
}

impl Figures {
    /// Events in the year, of every kind.
    pub fn events(&self) -> i64 {
        self.events_by_kind.values().sum()
    }

    /// The mean rating of the fair stands (1–5, two decimals); absent without ratings.
    pub fn fair_rating(&self) -> Option<f64> {
        ratio(self.fair_score_sum, self.fair_ratings, 1.0, 100.0)
    }
}

/// The school year asked for (`school_year`, 2000–2100), or the one `today` falls in.
pub fn school_year(asked: Option<i32>, today: NaiveDate) -> Result<SchoolYearSpan, DomainError> {
    let start = match asked {
        Some(year) => {
            in_range("school_year", year, limits::SCHOOL_YEAR).map_err(|error| DomainError::Invalid(vec![error]))?
        }
        None => school_year_of(today),
    };
    let (from, to) = school_year_bounds(start).unwrap_or((today, today));
    Ok(SchoolYearSpan {
        start,
        label: format!("{start}/{}", start + 1),
        from,
        to,
    })
}

/// The wire figures of one school (or resource, or project) from its raw counts.
pub fn represent(school_year: SchoolYearSpan, figures: Figures) -> Dissemination {
    let (events, fair_rating) = (figures.events(), figures.fair_rating());
    Dissemination {
        school_year,
        pilots: figures.pilots,
        pilot_sites: figures.pilot_sites,
        pilot_pupils: figures.pilot_pupils,
        risks_open: figures.risks_open,
        risks_closed: figures.risks_closed,
        cohorts: figures.cohorts,
        teachers_trained: figures.teachers_trained,
        training_hours: figures.training_hours,
        certificates: figures.certificates,
        consultations: figures.consultations,
        consultation_participants: figures.consultation_participants,
        events,
        events_by_kind: figures
            .events_by_kind
            .into_iter()
            .map(|(kind, count)| EventKindCount { kind, count })
            .collect(),
        events_by_level: figures
            .events_by_level
            .into_iter()
            .map(|(level, count)| EventLevelCount { level, count })
            .collect(),
        attendees: figures.attendees,
        fair_stands: figures.fair_stands,
        fair_ratings: figures.fair_ratings,
        fair_rating,
        requests: figures.requests,
        deliveries: figures.deliveries,
        responses: figures.responses,
        csat_percent: ratio(figures.satisfied, figures.responses, 100.0, 10.0),
        schools_reached: figures.schools_reached,
    }
}

/// `part ÷ whole × scale`, rounded to `1 / precision`; absent when `whole` is zero.
fn ratio(part: i64, whole: i64, scale: f64, precision: f64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 / whole as f64 * scale * precision).round() / precision)
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::FieldErrorCode;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
    }

    #[test]
    fn the_current_school_year_turns_on_the_first_of_september() {
        let before = school_year(None, day(2026, 8, 31)).unwrap();
        assert_eq!((before.start, before.label.as_str()), (2025, "2025/2026"));
        let after = school_year(None, day(2026, 9, 1)).unwrap();
        assert_eq!(after.start, 2026);
        assert_eq!((after.from, after.to), (day(2026, 9, 1), day(2027, 8, 31)));
    }

    #[test]
    fn a_school_year_out_of_range_names_the_field() {
        let Err(DomainError::Invalid(errors)) = school_year(Some(1999), day(2026, 11, 30)) else {
            panic!("1999 is accepted");
        };
        assert_eq!(errors[0].field, "school_year");
        assert_eq!(errors[0].code, FieldErrorCode::OutOfRange);
        assert_eq!(school_year(Some(2024), day(2026, 11, 30)).unwrap().label, "2024/2025");
    }

    #[test]
    fn figures_sum_events_round_ratios_and_count_reached_schools() {
        let mut figures = Figures {
            fair_ratings: 3,
            fair_score_sum: 13,
            responses: 3,
            satisfied: 2,
            ..Figures::default()
        };
        figures.events_by_kind.insert(EventKind::Seminar, 2);
        figures.events_by_kind.insert(EventKind::Fair, 1);
        figures.events_by_level.insert(EventLevel::Municipal, 3);
        figures.schools_reached = 2;
        let year = school_year(Some(2026), day(2026, 11, 30)).unwrap();
        let out = represent(year, figures);
        assert_eq!(out.events, 3);
        assert_eq!(out.events_by_kind.len(), 2);
        assert_eq!(out.fair_rating, Some(4.33));
        assert_eq!(out.csat_percent, Some(66.7));
        assert_eq!(out.schools_reached, 2);
        let empty = represent(school_year(Some(2026), day(2026, 11, 30)).unwrap(), Figures::default());
        assert_eq!((empty.fair_rating, empty.csat_percent, empty.events), (None, None, 0));
    }
}
