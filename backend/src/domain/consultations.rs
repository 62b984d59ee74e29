//! Consultations (Regulation 1.3 d): methodological support of a school (or the
//! committee) by a host school.
//!
//! - The recipient asks (`requested`); the host school schedules it (`scheduled`, again
//!   to reschedule), declines a request it will not take (`declined`), or records it as
//!   held (`held`) with its outcome; either side calls off one not held yet
//!   (`cancelled`). Held, declined and cancelled consultations do not change again.
//! - A scheduled day is not in the past; a held day is not in the future.
//! - Only a held consultation is rated.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use chrono::NaiveDate;
use openapi::FieldErrorCode::OutOfRange;
use openapi::RefusalReason;
use openapi::consultations::{
    ConsultationForm, ConsultationReasonInput, ConsultationRequestInput, ConsultationStatus, GivenConsultationInput,
    HeldInput, ScheduleInput,
};
use openapi::limits;

/// A request's texts, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The topic.
    pub topic: String,
    /// What support is asked for.
    pub question: String,
}

/// Checks a request's texts.
pub fn parse_request(input: &ConsultationRequestInput) -> Result<Request, DomainError> {
    let mut errors = Errors::default();
    let topic = errors.take(text::bounded("topic", &input.topic, limits::CONSULTATION_TOPIC));
    let question = errors.take(text::bounded(
        "question",
        &input.question,
        limits::CONSULTATION_QUESTION,
    ));
    errors.finish()?;
    Ok(Request {
        topic: topic.unwrap_or_default(),
        question: question.unwrap_or_default(),
    })
}

/// A schedule, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// The day.
    pub scheduled_on: NaiveDate,
    /// In person or online.
    pub form: ConsultationForm,
    /// The place or link; may be empty.
    pub place: String,
    /// Who will consult; may be empty.
    pub consultants: String,
}

/// Checks a schedule made on `today`: the day is not in the past.
pub fn parse_schedule(input: &ScheduleInput, today: NaiveDate) -> Result<Schedule, DomainError> {
    let mut errors = Errors::default();
    if input.scheduled_on < today {
        errors.add("scheduled_on", OutOfRange, "must not be in the past");
    }
    let place = errors.take(text::optional("place", &input.place, limits::CONSULTATION_PLACE));
    let consultants = errors.take(text::optional(
        "consultants",
        &input.consultants,
        limits::OPTIONAL_CONSULTANTS,
    ));
    errors.finish()?;
    Ok(Schedule {
        scheduled_on: input.scheduled_on,
        form: input.form,
        place: place.flatten().unwrap_or_default(),
        consultants: consultants.flatten().unwrap_or_default(),
    })
}

/// A consultation as held, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// The day.
    pub held_on: NaiveDate,
    /// In person or online.
    pub form: ConsultationForm,
    /// The place or link; may be empty.
    pub place: String,
    /// Who consulted.
    pub consultants: String,
    /// Who took part; may be empty.
    pub participants: String,
    /// How many took part.
    pub participant_count: i32,
    /// What was achieved.
    pub outcome: String,
    /// The follow-up actions; may be empty.
    pub follow_ups: String,
}

/// Checks a consultation held, recorded on `today`; the fields are named after `prefix`
/// (`held.` inside a consultation recorded without a request).
pub fn parse_held(input: &HeldInput, today: NaiveDate, prefix: &str) -> Result<Held, DomainError> {
    let mut errors = Errors::default();
    let held = held_into(input, today, prefix, &mut errors);
    errors.finish()?;
    held.ok_or_else(|| DomainError::Invalid(Vec::new()))
}

/// Checks the fields of a held consultation into `errors`; `None` when one is invalid
/// (and recorded there).
fn held_into(input: &HeldInput, today: NaiveDate, prefix: &str, errors: &mut Errors) -> Option<Held> {
    let name = |field: &str| format!("{prefix}{field}");
    if input.held_on > today {
        errors.add(&name("held_on"), OutOfRange, "must not be in the future");
    }
    let place = errors.take(text::optional(&name("place"), &input.place, limits::CONSULTATION_PLACE));
    let consultants = errors.take(text::bounded(
        &name("consultants"),
        &input.consultants,
        limits::CONSULTANTS,
    ));
    let participants = errors.take(text::optional(
        &name("participants"),
        &input.participants,
        limits::PARTICIPANTS,
    ));
    let count = errors.take(text::in_range(
        &name("participant_count"),
        input.participant_count,
        limits::PARTICIPANT_COUNT,
    ));
    let outcome = errors.take(text::bounded(
        &name("outcome"),
        &input.outcome,
        limits::CONSULTATION_OUTCOME,
    ));
    let follow_ups = errors.take(text::optional(
        &name("follow_ups"),
        &input.follow_ups,
        limits::FOLLOW_UPS,
    ));
    Some(Held {
        held_on: input.held_on,
        form: input.form,
        place: place?.unwrap_or_default(),
        consultants: consultants?,
        participants: participants?.unwrap_or_default(),
        participant_count: count?,
        outcome: outcome?,
        follow_ups: follow_ups?.unwrap_or_default(),
    })
}

/// Checks a consultation recorded without a request: its topic and how it was held,
/// every invalid field at once.
pub fn parse_given(input: &GivenConsultationInput, today: NaiveDate) -> Result<(String, Held), DomainError> {
    let mut errors = Errors::default();
    let topic = errors.take(text::bounded("topic", &input.topic, limits::CONSULTATION_TOPIC));
    let held = held_into(&input.held, today, "held.", &mut errors);
    errors.finish()?;
    topic.zip(held).ok_or_else(|| DomainError::Invalid(Vec::new()))
}

/// Checks the reason of a decline or a cancellation.
pub fn parse_reason(input: &ConsultationReasonInput) -> Result<String, DomainError> {
    Ok(text::bounded("reason", &input.reason, limits::CONSULTATION_REASON)?)
}

/// What is done to a consultation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The host sets (or moves) the day.
    Schedule,
    /// The host refuses a request.
    Decline,
    /// Either side calls it off.
    Cancel,
    /// The host records it as held.
    Hold,
}

/// The status after `step` from `status`, or why the state refuses it.
pub fn next(status: ConsultationStatus, step: Step) -> Result<ConsultationStatus, DomainError> {
    use ConsultationStatus::{Cancelled, Declined, Held, Requested, Scheduled};
    match (status, step) {
        (Held | Declined | Cancelled, _) => Err(DomainError::refused(
            RefusalReason::ConsultationClosed,
            "A held, declined or cancelled consultation does not change; ask for a new one.",
        )),
        (Scheduled, Step::Decline) => Err(DomainError::refused(
            RefusalReason::ConsultationScheduled,
            "A scheduled consultation is cancelled, not declined.",
        )),
        (Requested | Scheduled, Step::Schedule) => Ok(Scheduled),
        (Requested, Step::Decline) => Ok(Declined),
        (Requested | Scheduled, Step::Cancel) => Ok(Cancelled),
        (Requested | Scheduled, Step::Hold) => Ok(Held),
    }
}

/// Refuses an answer about a consultation that is not held (`consultation_not_held`).
pub fn rateable(status: ConsultationStatus) -> Result<(), DomainError> {
    if status == ConsultationStatus::Held {
        Ok(())
    } else {
        Err(DomainError::refused(
            RefusalReason::ConsultationNotHeld,
            "Only a held consultation is rated.",
        ))
    }
}

/// The mean of `count` values summing to `sum`, with one decimal; `None` without values.
pub fn mean(sum: i64, count: i64) -> Option<f64> {
    if count == 0 {
        return None;
    }
    // Sums of answers stay far below 2^52, where `as f64` is exact.
    Some(crate::domain::metrics::round1(sum as f64 / count as f64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::error::invalid;
    use ConsultationStatus::{Cancelled, Declined, Held as HeldStatus, Requested, Scheduled};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, d).unwrap()
    }

    fn held(on: NaiveDate) -> HeldInput {
        HeldInput {
            held_on: on,
            form: ConsultationForm::Online,
            place: " https://meet.example/61 ".to_owned(),
            consultants: "Кузнецова О. С., учитель математики".to_owned(),
            participants: String::new(),
            participant_count: 6,
            outcome: "Разобрали банк заданий и критерии".to_owned(),
            follow_ups: "  ".to_owned(),
        }
    }

    #[test]
    fn a_request_needs_a_topic_and_a_question() {
        let input = ConsultationRequestInput {
            host_org_id: openapi::OrganisationId(61),
            recipient_org_id: None,
            resource_id: None,
            topic: " Формирующее оценивание ".to_owned(),
            question: "Как выстроить критерии для 5–6 классов".to_owned(),
        };
        assert_eq!(parse_request(&input).unwrap().topic, "Формирующее оценивание");
        let blank = ConsultationRequestInput {
            topic: "Да".to_owned(),
            question: " ".to_owned(),
            ..input
        };
        assert_eq!(invalid(parse_request(&blank)), "topic TooShort; question Required");
    }

    #[test]
    fn a_schedule_is_not_in_the_past_and_a_held_day_not_in_the_future() {
        let schedule = |on| ScheduleInput {
            scheduled_on: on,
            form: ConsultationForm::InPerson,
            place: "Каб. 12".to_owned(),
            consultants: String::new(),
        };
        assert!(parse_schedule(&schedule(day(10)), day(10)).is_ok());
        assert_eq!(
            invalid(parse_schedule(&schedule(day(9)), day(10))),
            "scheduled_on OutOfRange"
        );
        let recorded = parse_held(&held(day(10)), day(10), "").unwrap();
        assert_eq!(
            (recorded.place.as_str(), recorded.follow_ups.as_str()),
            ("https://meet.example/61", "")
        );
        assert_eq!(invalid(parse_held(&held(day(11)), day(10), "")), "held_on OutOfRange");
    }

    #[test]
    fn a_consultation_given_without_a_request_names_its_fields_under_held() {
        let mut session = held(day(11));
        session.participant_count = 0;
        session.outcome = String::new();
        let input = GivenConsultationInput {
            recipient_org_id: openapi::OrganisationId(12),
            resource_id: None,
            topic: "Тема".to_owned(),
            held: session,
        };
        assert_eq!(
            invalid(parse_given(&input, day(10))),
            "topic TooShort; held.held_on OutOfRange; held.participant_count OutOfRange; held.outcome Required"
        );
    }

    #[test]
    fn a_request_is_scheduled_declined_cancelled_or_held_and_then_closed() {
        assert_eq!(next(Requested, Step::Schedule).unwrap(), Scheduled);
        assert_eq!(next(Scheduled, Step::Schedule).unwrap(), Scheduled, "rescheduled");
        assert_eq!(next(Requested, Step::Decline).unwrap(), Declined);
        assert_eq!(next(Scheduled, Step::Cancel).unwrap(), Cancelled);
        assert_eq!(next(Requested, Step::Hold).unwrap(), HeldStatus);
        assert_eq!(
            next(Scheduled, Step::Decline).unwrap_err().reason(),
            Some(RefusalReason::ConsultationScheduled)
        );
        for closed in [HeldStatus, Declined, Cancelled] {
            for step in [Step::Schedule, Step::Decline, Step::Cancel, Step::Hold] {
                assert_eq!(
                    next(closed, step).unwrap_err().reason(),
                    Some(RefusalReason::ConsultationClosed),
                    "{closed:?} {step:?}"
                );
            }
        }
    }

    #[test]
    fn only_a_held_consultation_is_rated_and_means_have_one_decimal() {
        assert!(rateable(HeldStatus).is_ok());
        assert_eq!(
            rateable(Scheduled).unwrap_err().reason(),
            Some(RefusalReason::ConsultationNotHeld)
        );
        assert_eq!(mean(14, 3), Some(4.7));
        assert_eq!(mean(0, 0), None);
        assert!(
            parse_reason(&ConsultationReasonInput {
                reason: "Нет".to_owned()
            })
            .is_ok()
        );
        assert_eq!(
            invalid(parse_reason(&ConsultationReasonInput { reason: " ".to_owned() })),
            "reason Required"
        );
    }
}
