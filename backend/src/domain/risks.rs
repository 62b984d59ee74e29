//! The risk register (Regulation 1.3 b: a pilot's result is the conditions of the
//! resource's implementation, its risks and the ways to overcome them).
//!
//! - A risk's score is its likelihood × its impact (each 1–5), computed here and never
//!   taken from the input; registers list the highest score first.
//! - Its review is overdue once the review date has passed, unless the risk is closed.
//! - A change of status, likelihood, impact or review date is kept in the risk's
//!   history, one entry per field, from the old value to the new one.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use chrono::NaiveDate;
use openapi::limits;
use openapi::risks::{RiskCategory, RiskField, RiskInput, RiskStatus};

/// A risk's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskFields {
    /// What may happen.
    pub title: String,
    /// Its kind.
    pub category: RiskCategory,
    /// The watched values.
    pub tracked: Tracked,
    /// The ways to overcome it.
    pub mitigation: String,
    /// Its owner (that they are an active account of the school is the use case's check).
    pub owner_id: i64,
    /// Why it changed, for the history.
    pub note: Option<String>,
}

impl RiskFields {
    /// likelihood × impact.
    pub fn score(&self) -> u8 {
        score(self.tracked.likelihood, self.tracked.impact)
    }
}

/// The values of a risk whose changes the history keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tracked {
    /// Where it stands.
    pub status: RiskStatus,
    /// 1–5.
    pub likelihood: u8,
    /// 1–5.
    pub impact: u8,
    /// When it is to be reviewed next.
    pub next_review_on: Option<NaiveDate>,
}

/// Checks a risk.
pub fn parse(input: &RiskInput) -> Result<RiskFields, DomainError> {
    let mut errors = Errors::default();
    let title = errors.take(text::bounded("title", &input.title, limits::RISK_TITLE));
    let likelihood = errors.take(text::in_range("likelihood", input.likelihood, limits::RISK_LEVEL));
    let impact = errors.take(text::in_range("impact", input.impact, limits::RISK_LEVEL));
    let mitigation = errors.take(text::bounded("mitigation", &input.mitigation, limits::MITIGATION));
    let note = input.note.as_deref().and_then(|note| {
        errors
            .take(text::optional("note", note, limits::OPTIONAL_NOTE))
            .flatten()
    });
    errors.finish()?;
    Ok(RiskFields {
        title: title.unwrap_or_default(),
        category: input.category,
        tracked: Tracked {
            status: input.status.unwrap_or(RiskStatus::Open),
            likelihood: likelihood.unwrap_or(1),
            impact: impact.unwrap_or(1),
            next_review_on: input.next_review_on,
        },
        mitigation: mitigation.unwrap_or_default(),
        owner_id: input.owner_id.0,
        note,
    })
}

/// The score of a risk: likelihood × impact, 1 to 25.
pub fn score(likelihood: u8, impact: u8) -> u8 {
    likelihood.saturating_mul(impact)
}

/// Whether a risk's review is overdue on `today`: its date has passed and it is not closed.
pub fn review_overdue(status: RiskStatus, next_review_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    status != RiskStatus::Closed && next_review_on.is_some_and(|on| on < today)
}

/// One change the history keeps: the field, the value before and after as the history
/// spells them.
pub type Change = (RiskField, Option<String>, Option<String>);

/// The changes from `before` to `after`, in the order of [`RiskField::ALL`].
pub fn changes(before: Tracked, after: Tracked) -> Vec<Change> {
    let date = |on: Option<NaiveDate>| on.map(|on| on.format("%Y-%m-%d").to_string());
    let mut found = Vec::new();
    if before.status != after.status {
        found.push((
            RiskField::Status,
            Some(before.status.as_str().to_owned()),
            Some(after.status.as_str().to_owned()),
        ));
    }
    if before.likelihood != after.likelihood {
        found.push((
            RiskField::Likelihood,
            Some(before.likelihood.to_string()),
            Some(after.likelihood.to_string()),
        ));
    }
    if before.impact != after.impact {
        found.push((
            RiskField::Impact,
            Some(before.impact.to_string()),
            Some(after.impact.to_string()),
        ));
    }
    if before.next_review_on != after.next_review_on {
        found.push((
            RiskField::NextReviewOn,
            date(before.next_review_on),
            date(after.next_review_on),
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::error::invalid;
    use openapi::UserId;

    fn input() -> RiskInput {
        RiskInput {
            title: "Перегрузка учителей".to_owned(),
            category: RiskCategory::Staffing,
            likelihood: 4,
            impact: 3,
            mitigation: "Распределить темы между членами группы".to_owned(),
            owner_id: UserId(7),
            status: None,
            next_review_on: None,
            note: Some("  ".to_owned()),
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn a_risk_is_open_by_default_and_scored_by_likelihood_times_impact() {
        let fields = parse(&input()).unwrap();
        assert_eq!(fields.tracked.status, RiskStatus::Open);
        assert_eq!(fields.score(), 12);
        assert_eq!(fields.note, None, "a blank note is no note");
        assert_eq!((score(1, 1), score(5, 5)), (1, 25));
    }

    #[test]
    fn likelihood_and_impact_are_one_to_five_and_texts_are_bounded() {
        let mut wrong = input();
        wrong.likelihood = 0;
        wrong.impact = 6;
        wrong.title = "Риск".to_owned();
        wrong.mitigation = String::new();
        assert_eq!(
            invalid(parse(&wrong)),
            "title TooShort; likelihood OutOfRange; impact OutOfRange; mitigation Required"
        );
    }

    #[test]
    fn a_review_is_overdue_after_its_day_unless_the_risk_is_closed() {
        assert!(review_overdue(RiskStatus::Open, Some(day(9)), day(10)));
        assert!(review_overdue(RiskStatus::Occurred, Some(day(9)), day(10)));
        assert!(!review_overdue(RiskStatus::Open, Some(day(10)), day(10)), "due today");
        assert!(!review_overdue(RiskStatus::Closed, Some(day(1)), day(10)));
        assert!(!review_overdue(RiskStatus::Open, None, day(10)));
    }

    #[test]
    fn the_history_keeps_one_entry_per_changed_field_from_old_to_new() {
        let before = Tracked {
            status: RiskStatus::Open,
            likelihood: 4,
            impact: 3,
            next_review_on: Some(day(1)),
        };
        assert!(changes(before, before).is_empty());
        let after = Tracked {
            status: RiskStatus::Mitigated,
            likelihood: 2,
            next_review_on: None,
            ..before
        };
        assert_eq!(
            changes(before, after),
            vec![
                (RiskField::Status, Some("open".to_owned()), Some("mitigated".to_owned())),
                (RiskField::Likelihood, Some("4".to_owned()), Some("2".to_owned())),
                (RiskField::NextReviewOn, Some("2026-11-01".to_owned()), None),
            ]
        );
    }
}
