//! The work plan's figures (expertise criterion (a), Regulation 2.3), as documented on
//! `openapi::plan::PlanSummary`:
//!
//! - due = items not cancelled whose deadline has come (deadline ≤ the date) or that are done;
//! - completion % = done ÷ due × 100; on-time % = done by the deadline ÷ due × 100;
//! - overdue = due, neither done nor cancelled, deadline before the date.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use chrono::NaiveDate;
use openapi::FieldErrorCode::{NotAllowed, OutOfRange, Required};
use openapi::limits;
use openapi::plan::{PlanItemInput, PlanStatus};

/// What the figures need of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// Deadline.
    pub deadline: NaiveDate,
    /// Status.
    pub status: PlanStatus,
    /// Completion date.
    pub done_on: Option<NaiveDate>,
}

impl Item {
    /// Whether the item counts as due on `today`.
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.status != PlanStatus::Cancelled && (self.deadline <= today || self.status == PlanStatus::Done)
    }

    /// Whether the item is overdue on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !matches!(self.status, PlanStatus::Done | PlanStatus::Cancelled) && self.deadline < today
    }

    fn on_time(&self) -> bool {
        self.status == PlanStatus::Done && self.done_on.is_some_and(|done| done <= self.deadline)
    }
}

/// The counts and percentages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// Items due.
    pub due: i64,
    /// Of them done.
    pub done: i64,
    /// Of them done by the deadline.
    pub done_on_time: i64,
    /// done ÷ due × 100, one decimal.
    pub completion_percent: Option<f64>,
    /// done on time ÷ due × 100, one decimal.
    pub on_time_percent: Option<f64>,
}

/// Computes the figures of `items` on `today`.
pub fn figures(items: &[Item], today: NaiveDate) -> Figures {
    let due: Vec<&Item> = items.iter().filter(|item| item.is_due(today)).collect();
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let done = count(due.iter().filter(|item| item.status == PlanStatus::Done).count());
    let done_on_time = count(due.iter().filter(|item| item.on_time()).count());
    let due = count(due.len());
    let percent = |part: i64| (due > 0).then(|| (part as f64 * 1000.0 / due as f64).round() / 10.0);
    Figures {
        due,
        done,
        done_on_time,
        completion_percent: percent(done),
        on_time_percent: percent(done_on_time),
    }
}

pub use rules::dates::{school_year_bounds, school_year_of};

/// A plan item's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemFields {
    /// School year.
    pub school_year: i32,
    /// Action.
    pub action: String,
    /// Responsible account.
    pub responsible_id: Option<i64>,
    /// Responsible name (filled from the account when there is one).
    pub responsible_name: String,
    /// Deadline.
    pub deadline: NaiveDate,
    /// Expected result.
    pub expected_result: String,
    /// Status.
    pub status: PlanStatus,
    /// Evidence.
    pub evidence: String,
    /// Completion date.
    pub done_on: Option<NaiveDate>,
}

/// What a plan item is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemContext {
    /// The project's first and last school year.
    pub years: (i32, i32),
    /// Today: a completion date may not be later.
    pub today: NaiveDate,
    /// Whether the item already has files attached (they count as evidence).
    pub has_files: bool,
}

/// Checks a plan item against its project and `today`. A done item needs its completion
/// date and evidence: a link or description, or an attached file.
pub fn parse_item(input: &PlanItemInput, context: ItemContext) -> Result<ItemFields, DomainError> {
    let ItemContext {
        years,
        today,
        has_files,
    } = context;
    let mut errors = Errors::default();
    if input.school_year < years.0 || input.school_year > years.1 {
        errors.add(
            "school_year",
            OutOfRange,
            format!("must be one of the project's school years, {} to {}", years.0, years.1),
        );
    } else if let Some((first, last)) = school_year_bounds(input.school_year)
        && !(first..=last).contains(&input.deadline)
    {
        errors.add(
            "deadline",
            OutOfRange,
            "must fall within the school year (1 September to 31 August)",
        );
    }
    let action = errors.take(text::bounded("action", &input.action, limits::PLAN_ACTION));
    let expected_result = errors.take(text::bounded(
        "expected_result",
        &input.expected_result,
        limits::EXPECTED_RESULT,
    ));
    let named = input
        .responsible_name
        .as_deref()
        .map(|name| errors.take(text::optional("responsible_name", name, limits::RESPONSIBLE_NAME)));
    let responsible_name = match (input.responsible_id, named) {
        (Some(_), _) => Some(String::new()),
        (None, Some(Some(Some(name)))) => Some(name),
        (None, Some(Some(None))) => {
            errors.add("responsible_name", Required, "must not be empty");
            None
        }
        (None, Some(None)) => None,
        (None, None) => {
            errors.add("responsible_id", Required, "name the responsible person");
            None
        }
    };
    let status = input.status.unwrap_or(PlanStatus::Planned);
    let evidence = errors
        .take(text::optional("evidence", &input.evidence, limits::PLAN_EVIDENCE))
        .flatten()
        .unwrap_or_default();
    match (status, input.done_on) {
        (PlanStatus::Done, None) => errors.add("done_on", Required, "a done item needs its completion date"),
        (PlanStatus::Done, Some(done)) if done > today => {
            errors.add("done_on", OutOfRange, "cannot be in the future");
        }
        (PlanStatus::Done, Some(_)) if evidence.is_empty() && !has_files => {
            errors.add(
                "evidence",
                Required,
                "a done item needs its evidence: a link, a description or a file",
            );
        }
        (PlanStatus::Done, Some(_)) => {}
        (_, Some(_)) => errors.add("done_on", NotAllowed, "only a done item has a completion date"),
        (_, None) => {}
    }
    errors.finish()?;
    Ok(ItemFields {
        school_year: input.school_year,
        action: action.unwrap_or_default(),
        responsible_id: input.responsible_id.map(|id| id.0),
        responsible_name: responsible_name.unwrap_or_default(),
        deadline: input.deadline,
        expected_result: expected_result.unwrap_or_default(),
        status,
        evidence,
        done_on: input.done_on,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::error::invalid;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn item(deadline: NaiveDate, status: PlanStatus, done_on: Option<NaiveDate>) -> Item {
        Item {
            deadline,
            status,
            done_on,
        }
    }

    #[test]
    fn nothing_due_gives_no_percentages() {
        let today = day(10, 1);
        let future = [item(day(12, 1), PlanStatus::Planned, None)];
        let f = figures(&future, today);
        assert_eq!((f.due, f.completion_percent, f.on_time_percent), (0, None, None));
        assert_eq!(figures(&[], today).completion_percent, None);
    }

    #[test]
    fn all_late_is_complete_but_never_on_time() {
        let items = [
            item(day(9, 10), PlanStatus::Done, Some(day(9, 20))),
            item(day(9, 15), PlanStatus::Done, Some(day(9, 16))),
        ];
        let f = figures(&items, day(10, 1));
        assert_eq!(
            (f.due, f.done, f.done_on_time, f.completion_percent, f.on_time_percent),
            (2, 2, 0, Some(100.0), Some(0.0))
        );
    }

    #[test]
    fn done_on_the_deadline_day_is_on_time() {
        let items = [item(day(9, 30), PlanStatus::Done, Some(day(9, 30)))];
        assert_eq!(figures(&items, day(10, 1)).on_time_percent, Some(100.0));
    }

    #[test]
    fn early_work_counts_cancelled_does_not_and_overdue_is_marked() {
        let today = day(10, 1);
        let items = [
            item(day(12, 1), PlanStatus::Done, Some(day(9, 28))),
            item(day(9, 1), PlanStatus::Cancelled, None),
            item(day(9, 20), PlanStatus::InProgress, None),
        ];
        let f = figures(&items, today);
        assert_eq!(
            (f.due, f.done, f.completion_percent, f.on_time_percent),
            (2, 1, Some(50.0), Some(50.0))
        );
        assert!(items[2].is_overdue(today));
        assert!(!items[1].is_overdue(today), "cancelled");
        assert!(
            !item(today, PlanStatus::Planned, None).is_overdue(today),
            "due today is not late yet"
        );
        let third = [item(day(9, 1), PlanStatus::Planned, None); 3]
            .into_iter()
            .chain([item(day(9, 1), PlanStatus::Done, Some(day(9, 1)))])
            .chain([item(day(9, 1), PlanStatus::Planned, None); 2])
            .collect::<Vec<_>>();
        assert_eq!(
            figures(&third, today).completion_percent,
            Some(16.7),
            "1 of 6, one decimal"
        );
    }

    #[test]
    fn school_years_run_from_september_to_august() {
        assert_eq!(school_year_of(day(9, 1)), 2026);
        assert_eq!(school_year_of(day(8, 31)), 2025);
        assert_eq!(
            school_year_bounds(2026),
            Some((day(9, 1), NaiveDate::from_ymd_opt(2027, 8, 31).unwrap()))
        );
    }

    fn context(today: NaiveDate, has_files: bool) -> ItemContext {
        ItemContext {
            years: (2025, 2027),
            today,
            has_files,
        }
    }

    #[test]
    fn a_done_item_needs_its_date_and_evidence() {
        let today = day(10, 1);
        let base = PlanItemInput {
            school_year: 2026,
            action: "Провести педсовет".to_owned(),
            responsible_id: None,
            responsible_name: Some("Иванова М. П.".to_owned()),
            deadline: day(9, 30),
            expected_result: "Решение педсовета".to_owned(),
            status: Some(PlanStatus::Done),
            evidence: "https://sch61.example/protocol-1.pdf".to_owned(),
            done_on: Some(day(9, 29)),
        };
        assert!(parse_item(&base, context(today, false)).is_ok());
        let no_date = PlanItemInput {
            done_on: None,
            ..base.clone()
        };
        assert_eq!(invalid(parse_item(&no_date, context(today, false))), "done_on Required");
        let no_evidence = PlanItemInput {
            evidence: String::new(),
            ..base.clone()
        };
        assert_eq!(
            invalid(parse_item(&no_evidence, context(today, false))),
            "evidence Required"
        );
        assert!(
            parse_item(&no_evidence, context(today, true)).is_ok(),
            "an attached file is evidence"
        );
        let future = PlanItemInput {
            done_on: Some(day(10, 2)),
            ..base.clone()
        };
        assert_eq!(
            invalid(parse_item(&future, context(today, false))),
            "done_on OutOfRange"
        );
        let planned_with_date = PlanItemInput {
            status: None,
            ..base.clone()
        };
        assert_eq!(
            invalid(parse_item(&planned_with_date, context(today, false))),
            "done_on NotAllowed"
        );
        let outside = PlanItemInput {
            deadline: day(8, 31),
            ..base.clone()
        };
        assert_eq!(
            invalid(parse_item(&outside, context(today, false))),
            "deadline OutOfRange",
            "31.08.2026 is in 2025/2026"
        );
        let other_year = PlanItemInput {
            school_year: 2030,
            ..base
        };
        assert_eq!(
            invalid(parse_item(&other_year, context(today, false))),
            "school_year OutOfRange"
        );
    }
}
