//! Pilots (апробация) of a resource version (Regulation 1.3 b).
//!
//! - A pilot takes place in the resource's own school and, possibly, partner schools:
//!   its sites name the own school, each school once.
//! - Its period ends no earlier than it starts; it is `planned` before its first day,
//!   `running` from then on, and `completed` once concluded, whatever the dates.
//! - A conclusion needs the final results and a day between the pilot's start and today;
//!   a concluded pilot never changes again.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use chrono::NaiveDate;
use openapi::FieldErrorCode::{NotAllowed, OutOfRange, Required, Taken};
use openapi::pilots::{ConclusionInput, PilotConclusion, PilotInput, PilotStatus};
use openapi::{OrganisationId, RefusalReason, VersionId, limits};

/// A pilot's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PilotFields {
    /// The version piloted (that it is one of the resource's is the use case's check).
    pub version_id: VersionId,
    /// The schools, the own school first, then the others in the order given.
    pub sites: Vec<OrganisationId>,
    /// The first day.
    pub starts_on: NaiveDate,
    /// The last day planned.
    pub ends_on: NaiveDate,
    /// Teachers taking part.
    pub teachers: i32,
    /// Classes taking part; may be empty.
    pub classes: String,
    /// Pupils taking part.
    pub pupils: i32,
    /// The method.
    pub method: String,
    /// Interim results; may be empty.
    pub interim_results: String,
    /// Final results; may be empty until the conclusion.
    pub final_results: String,
}

/// Checks a pilot of a resource of school `own`.
pub fn parse(input: &PilotInput, own: OrganisationId) -> Result<PilotFields, DomainError> {
    let mut errors = Errors::default();
    let sites = sites(&input.sites, own, &mut errors);
    if input.ends_on < input.starts_on {
        errors.add("ends_on", OutOfRange, "must not be before starts_on");
    }
    let teachers = errors.take(text::in_range("teachers", input.teachers, limits::PILOT_TEACHERS));
    let pupils = errors.take(text::in_range("pupils", input.pupils, limits::PILOT_PUPILS));
    let classes = errors.take(text::optional("classes", &input.classes, limits::PILOT_CLASSES));
    let method = errors.take(text::bounded("method", &input.method, limits::PILOT_METHOD));
    let interim = errors.take(text::optional(
        "interim_results",
        &input.interim_results,
        limits::PILOT_RESULTS,
    ));
    let final_results = errors.take(text::optional(
        "final_results",
        &input.final_results,
        limits::PILOT_RESULTS,
    ));
    errors.finish()?;
    Ok(PilotFields {
        version_id: input.version_id,
        sites,
        starts_on: input.starts_on,
        ends_on: input.ends_on,
        teachers: teachers.unwrap_or_default(),
        classes: classes.flatten().unwrap_or_default(),
        pupils: pupils.unwrap_or_default(),
        method: method.unwrap_or_default(),
        interim_results: interim.flatten().unwrap_or_default(),
        final_results: final_results.flatten().unwrap_or_default(),
    })
}

/// The sites in their stored order: the own school first, each school once.
fn sites(given: &[OrganisationId], own: OrganisationId, errors: &mut Errors) -> Vec<OrganisationId> {
    let (min, max) = (limits::PILOT_SITES.min, limits::PILOT_SITES.max);
    if given.len() < min || given.len() > max {
        errors.add("sites", OutOfRange, format!("name from {min} to {max} schools"));
    } else if !given.contains(&own) {
        errors.add("sites", NotAllowed, "must include the resource's own school");
    }
    for (index, site) in given.iter().enumerate() {
        if given[..index].contains(site) {
            errors.add(&format!("sites[{index}]"), Taken, "each school once");
        }
    }
    let mut ordered = vec![own];
    ordered.extend(given.iter().copied().filter(|site| *site != own));
    ordered
}

/// Where a pilot stands on `today`.
pub fn status(concluded: bool, starts_on: NaiveDate, today: NaiveDate) -> PilotStatus {
    if concluded {
        PilotStatus::Completed
    } else if today < starts_on {
        PilotStatus::Planned
    } else {
        PilotStatus::Running
    }
}

/// Refuses any change to a concluded pilot (`pilot_concluded`).
pub fn editable(concluded: bool) -> Result<(), DomainError> {
    if concluded {
        Err(DomainError::refused(
            RefusalReason::PilotConcluded,
            "A concluded pilot does not change; record a new pilot instead.",
        ))
    } else {
        Ok(())
    }
}

/// A conclusion, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conclusion {
    /// What it concluded.
    pub conclusion: PilotConclusion,
    /// The day.
    pub concluded_on: NaiveDate,
    /// The final results, as they are to be stored.
    pub final_results: String,
}

/// Checks the conclusion of a pilot that started on `starts_on` and has `stored` final
/// results so far, on `today`.
pub fn conclude(
    input: &ConclusionInput,
    starts_on: NaiveDate,
    stored: &str,
    today: NaiveDate,
) -> Result<Conclusion, DomainError> {
    let mut errors = Errors::default();
    let concluded_on = input.concluded_on.unwrap_or(today);
    if concluded_on > today {
        errors.add("concluded_on", OutOfRange, "must not be in the future");
    } else if concluded_on < starts_on {
        errors.add("concluded_on", OutOfRange, "must not be before the pilot started");
    }
    let given = input
        .final_results
        .as_deref()
        .map(|value| text::optional("final_results", value, limits::PILOT_RESULTS));
    let final_results = match given {
        Some(Err(err)) => errors.take::<String>(Err(err)),
        Some(Ok(Some(given))) => Some(given),
        Some(Ok(None)) | None if stored.is_empty() => {
            errors.add("final_results", Required, "a pilot is concluded with its final results");
            None
        }
        Some(Ok(None)) | None => Some(stored.to_owned()),
    };
    errors.finish()?;
    Ok(Conclusion {
        conclusion: input.conclusion,
        concluded_on,
        final_results: final_results.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::error::invalid;

    const OWN: OrganisationId = OrganisationId(61);

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, d).unwrap()
    }

    fn input() -> PilotInput {
        PilotInput {
            version_id: VersionId(5),
            sites: vec![OrganisationId(12), OWN],
            starts_on: day(1),
            ends_on: day(30),
            teachers: 4,
            classes: " 5А, 6Б ".to_owned(),
            pupils: 52,
            method: "Уроки по банку заданий, анкетирование".to_owned(),
            interim_results: String::new(),
            final_results: "  ".to_owned(),
        }
    }

    #[test]
    fn a_pilot_lists_its_own_school_first_and_reads_blank_texts_as_empty() {
        let fields = parse(&input(), OWN).unwrap();
        assert_eq!(fields.sites, [OWN, OrganisationId(12)]);
        assert_eq!(fields.classes, "5А, 6Б");
        assert_eq!(fields.final_results, "");
    }

    #[test]
    fn the_own_school_must_be_a_site_and_each_school_is_named_once() {
        let mut without = input();
        without.sites = vec![OrganisationId(12)];
        assert_eq!(invalid(parse(&without, OWN)), "sites NotAllowed");
        let mut twice = input();
        twice.sites = vec![OWN, OrganisationId(12), OrganisationId(12)];
        assert_eq!(invalid(parse(&twice, OWN)), "sites[2] Taken");
        let mut none = input();
        none.sites = Vec::new();
        assert_eq!(invalid(parse(&none, OWN)), "sites OutOfRange");
    }

    #[test]
    fn a_pilot_ends_no_earlier_than_it_starts_and_counts_its_participants() {
        let mut backwards = input();
        backwards.ends_on = day(1).pred_opt().unwrap();
        backwards.teachers = 0;
        backwards.pupils = -1;
        backwards.method = "Да".to_owned();
        assert_eq!(
            invalid(parse(&backwards, OWN)),
            "ends_on OutOfRange; teachers OutOfRange; pupils OutOfRange; method TooShort"
        );
        let mut one_day = input();
        one_day.ends_on = one_day.starts_on;
        assert!(parse(&one_day, OWN).is_ok());
    }

    #[test]
    fn a_pilot_is_planned_before_its_first_day_running_from_it_and_completed_when_concluded() {
        assert_eq!(status(false, day(10), day(9)), PilotStatus::Planned);
        assert_eq!(status(false, day(10), day(10)), PilotStatus::Running);
        assert_eq!(status(false, day(10), day(31)), PilotStatus::Running, "until concluded");
        assert_eq!(status(true, day(10), day(9)), PilotStatus::Completed);
        assert_eq!(
            editable(true).unwrap_err().reason(),
            Some(RefusalReason::PilotConcluded)
        );
        assert!(editable(false).is_ok());
    }

    #[test]
    fn a_conclusion_needs_final_results_and_a_day_between_the_start_and_today() {
        let asked = |on: Option<NaiveDate>, results: Option<&str>| ConclusionInput {
            conclusion: PilotConclusion::Recommended,
            concluded_on: on,
            final_results: results.map(str::to_owned),
        };
        let done = conclude(&asked(None, None), day(1), "Рост мотивации", day(20)).unwrap();
        assert_eq!(
            (done.concluded_on, done.final_results.as_str()),
            (day(20), "Рост мотивации")
        );
        let replaced = conclude(&asked(Some(day(5)), Some(" Итоги ")), day(1), "", day(20)).unwrap();
        assert_eq!(replaced.final_results, "Итоги");
        assert_eq!(
            invalid(conclude(&asked(None, Some(" ")), day(1), "", day(20))),
            "final_results Required"
        );
        assert_eq!(
            invalid(conclude(&asked(Some(day(21)), None), day(1), "Итоги", day(20))),
            "concluded_on OutOfRange"
        );
        assert_eq!(
            invalid(conclude(
                &asked(Some(day(1).pred_opt().unwrap()), None),
                day(1),
                "Итоги",
                day(20)
            )),
            "concluded_on OutOfRange"
        );
    }
}
