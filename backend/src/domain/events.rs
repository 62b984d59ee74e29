//! Events (Regulation 2.3, R14): the rules of an event's fields, its status, registration
//! for an event open to the city, attendance and the attendees' feedback.
//!
//! - An event ends no earlier than it starts and takes place somewhere: a place, an
//!   online link, or both. An event organised elsewhere names its organiser; only an
//!   event the organisation organises is opened to the city, and then with its places.
//! - A draft is published once; a draft or a published event is cancelled; a cancelled
//!   event changes no more.
//! - Registration is open for a published event open to the city until its last day,
//!   while places remain (a full event refuses with `event_full`; there is no waiting
//!   list). Attendance is marked from the first day; feedback is asked for from the last
//!   day, once, and answered once by each attendee.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use chrono::NaiveDate;
use openapi::FieldErrorCode::{InvalidFormat, NotAllowed, OutOfRange, Required};
use openapi::events::{EventInput, EventKind, EventLevel, EventRole, EventStatus};
use openapi::{RefusalReason, ResourceId, limits};

/// An event's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventFields {
    /// Organiser or participant.
    pub role: EventRole,
    /// The external organiser; empty for the organisation's own event.
    pub organiser_name: String,
    /// The form.
    pub kind: EventKind,
    /// The level.
    pub level: EventLevel,
    /// The title.
    pub title: String,
    /// The description; may be empty.
    pub description: String,
    /// The first day.
    pub starts_on: NaiveDate,
    /// The last day.
    pub ends_on: NaiveDate,
    /// The time as written; may be empty.
    pub time_text: String,
    /// The place; may be empty when online.
    pub place: String,
    /// The online link; may be empty when in a place.
    pub online_url: String,
    /// The speakers, in order.
    pub speakers: Vec<String>,
    /// The resources presented, each once, in order (whose they may be is the use case's
    /// check).
    pub resource_ids: Vec<ResourceId>,
    /// Open to the city's registration.
    pub open_to_city: bool,
    /// Places when open to the city.
    pub capacity: Option<i32>,
}

/// Checks an event, reporting every invalid field at once.
pub fn parse(input: &EventInput) -> Result<EventFields, DomainError> {
    let mut errors = Errors::default();
    let title = errors.take(text::bounded("title", &input.title, limits::EVENT_TITLE));
    let description = errors.take(text::optional("description", &input.description, limits::LONG_NOTE));
    let organiser = errors.take(text::optional(
        "organiser_name",
        &input.organiser_name,
        limits::EVENT_LINE,
    ));
    let organiser_name = match (input.role, organiser.flatten()) {
        (EventRole::Participant, None) => {
            errors.add("organiser_name", Required, "name who organises the event");
            String::new()
        }
        (EventRole::Participant, Some(name)) => name,
        (EventRole::Organiser, _) => String::new(),
    };
    if input.ends_on < input.starts_on {
        errors.add("ends_on", OutOfRange, "must not be before starts_on");
    }
    let time_text = errors.take(text::optional("time_text", &input.time_text, limits::EVENT_LINE));
    let place = errors.take(text::optional("place", &input.place, limits::EVENT_LINE));
    let online_url = errors.take(text::optional("online_url", &input.online_url, limits::EVENT_URL));
    let place = place.flatten().unwrap_or_default();
    let online_url = online_url.flatten().unwrap_or_default();
    let linked = ["https://", "http://"]
        .iter()
        .any(|scheme| online_url.starts_with(scheme));
    if !online_url.is_empty() && !linked {
        errors.add("online_url", InvalidFormat, "must be an http:// or https:// link");
    }
    if place.is_empty() && online_url.is_empty() && input.place.trim().is_empty() && input.online_url.trim().is_empty()
    {
        errors.add("place", Required, "name a place or an online link");
    }
    let speakers = speakers(&input.speakers, &mut errors);
    let resource_ids = resources("resource_ids", &input.resource_ids, &mut errors);
    let capacity = match (input.open_to_city, input.capacity) {
        (true, _) if input.role == EventRole::Participant => {
            errors.add(
                "open_to_city",
                NotAllowed,
                "only an event the school organises is opened to the city",
            );
            None
        }
        (true, None) => {
            errors.add("capacity", Required, "an event open to the city has a number of places");
            None
        }
        (true, Some(capacity)) => errors.take(text::in_range("capacity", capacity, limits::CAPACITY)),
        (false, Some(_)) => {
            errors.add("capacity", NotAllowed, "only an event open to the city has places");
            None
        }
        (false, None) => None,
    };
    errors.finish()?;
    Ok(EventFields {
        role: input.role,
        organiser_name,
        kind: input.kind,
        level: input.level,
        title: title.unwrap_or_default(),
        description: description.flatten().unwrap_or_default(),
        starts_on: input.starts_on,
        ends_on: input.ends_on,
        time_text: time_text.flatten().unwrap_or_default(),
        place,
        online_url,
        speakers,
        resource_ids,
        open_to_city: input.open_to_city,
        capacity,
    })
}

fn speakers(given: &[String], errors: &mut Errors) -> Vec<String> {
    if given.len() > limits::SPEAKERS.max {
        errors.add(
            "speakers",
            OutOfRange,
            format!("at most {} speakers", limits::SPEAKERS.max),
        );
        return Vec::new();
    }
    given
        .iter()
        .enumerate()
        .filter_map(|(index, name)| errors.take(text::bounded(&format!("speakers[{index}]"), name, limits::SPEAKER)))
        .collect()
}

/// Resources presented: within the limit, each once.
pub fn resources(field: &str, given: &[ResourceId], errors: &mut Errors) -> Vec<ResourceId> {
    if given.len() > limits::PRESENTED.max {
        errors.add(
            field,
            OutOfRange,
            format!("at most {} resources", limits::PRESENTED.max),
        );
    }
    for (index, id) in given.iter().enumerate() {
        if given[..index].contains(id) {
            errors.add(
                &format!("{field}[{index}]"),
                openapi::FieldErrorCode::Taken,
                "each resource once",
            );
        }
    }
    let mut unique = Vec::new();
    for id in given {
        if !unique.contains(id) {
            unique.push(*id);
        }
    }
    unique
}

/// The capacity of a change must hold the confirmed registrations.
pub fn holds(capacity: Option<i32>, confirmed: i64) -> Result<(), DomainError> {
    match capacity {
        Some(capacity) if i64::from(capacity) < confirmed => Err(DomainError::field(
            "capacity",
            OutOfRange,
            format!("{confirmed} places are taken already"),
        )),
        None if confirmed > 0 => Err(DomainError::field(
            "open_to_city",
            NotAllowed,
            format!("{confirmed} teachers are registered; cancel the event instead"),
        )),
        _ => Ok(()),
    }
}

fn refuse(reason: RefusalReason, detail: &str) -> DomainError {
    DomainError::refused(reason, detail)
}

/// Refuses any change of a cancelled event (`event_cancelled`).
pub fn changeable(status: EventStatus) -> Result<(), DomainError> {
    if status == EventStatus::Cancelled {
        Err(refuse(
            RefusalReason::EventCancelled,
            "A cancelled event does not change.",
        ))
    } else {
        Ok(())
    }
}

/// Publishing needs a draft.
pub fn publishable(status: EventStatus) -> Result<(), DomainError> {
    changeable(status)?;
    if status == EventStatus::Draft {
        Ok(())
    } else {
        Err(refuse(RefusalReason::EventNotDraft, "The event is published already."))
    }
}

/// What registration needs of an event on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Registrable {
    /// Its status.
    pub status: EventStatus,
    /// Open to the city.
    pub open_to_city: bool,
    /// Its places.
    pub capacity: Option<i32>,
    /// Its last day.
    pub ends_on: NaiveDate,
    /// Confirmed registrations so far.
    pub confirmed: i64,
}

/// Whether a new registration is accepted on `today`: `event_cancelled`,
/// `registration_closed` (not published, not open to the city, or over), `event_full`.
pub fn may_register(event: Registrable, today: NaiveDate) -> Result<(), DomainError> {
    changeable(event.status)?;
    if event.status != EventStatus::Published || !event.open_to_city || today > event.ends_on {
        return Err(refuse(
            RefusalReason::RegistrationClosed,
            "Registration is open for a published event open to the city until its last day.",
        ));
    }
    if event
        .capacity
        .is_some_and(|capacity| event.confirmed >= i64::from(capacity))
    {
        return Err(refuse(RefusalReason::EventFull, "Every place is taken."));
    }
    Ok(())
}

/// Attendance is marked from the event's first day, of an event that is not cancelled.
pub fn may_mark_attendance(status: EventStatus, starts_on: NaiveDate, today: NaiveDate) -> Result<(), DomainError> {
    changeable(status)?;
    if today < starts_on {
        Err(refuse(
            RefusalReason::EventNotStarted,
            "Attendance is marked from the first day.",
        ))
    } else {
        Ok(())
    }
}

/// Feedback is asked for once, from the event's last day, of a published event.
pub fn may_request_feedback(
    status: EventStatus,
    ends_on: NaiveDate,
    requested: bool,
    today: NaiveDate,
) -> Result<(), DomainError> {
    changeable(status)?;
    if requested {
        Err(refuse(
            RefusalReason::FeedbackAlreadyRequested,
            "Feedback was asked for already.",
        ))
    } else if status != EventStatus::Published || today < ends_on {
        Err(refuse(
            RefusalReason::EventNotOver,
            "Feedback is asked for from the last day of a published event.",
        ))
    } else {
        Ok(())
    }
}

/// An attendee answers once, after the organiser asked.
pub fn may_answer(requested: bool, attended: bool, answered: bool) -> Result<(), DomainError> {
    if !requested {
        Err(refuse(
            RefusalReason::FeedbackNotRequested,
            "The organiser has not asked for feedback yet.",
        ))
    } else if !attended {
        Err(refuse(RefusalReason::NotAttended, "Only an attendee answers."))
    } else if answered {
        Err(refuse(RefusalReason::AlreadyAnswered, "One answer per attendee."))
    } else {
        Ok(())
    }
}

/// A short confirmation code from random bytes: eight characters of an alphabet without
/// look-alikes (no 0/O, 1/I).
pub fn confirmation_code(random: [u8; 8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    random
        .iter()
        .map(|byte| char::from(ALPHABET[usize::from(*byte) % ALPHABET.len()]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::error::invalid;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn input() -> EventInput {
        EventInput {
            role: EventRole::Organiser,
            organiser_name: String::new(),
            kind: EventKind::Seminar,
            level: EventLevel::Municipal,
            title: " Формирующее оценивание на уроках математики ".to_owned(),
            description: String::new(),
            starts_on: day(10),
            ends_on: day(10),
            time_text: "10:00–12:30".to_owned(),
            place: "СОШ № 61, актовый зал".to_owned(),
            online_url: String::new(),
            speakers: vec!["Кузнецова О. С.".to_owned()],
            resource_ids: vec![ResourceId(3), ResourceId(3)],
            open_to_city: true,
            capacity: Some(30),
        }
    }

    #[test]
    fn an_event_is_trimmed_and_a_resource_named_twice_is_refused_by_position() {
        assert_eq!(invalid(parse(&input())), "resource_ids[1] Taken");
        let mut once = input();
        once.resource_ids = vec![ResourceId(3)];
        let fields = parse(&once).unwrap();
        assert_eq!(fields.title, "Формирующее оценивание на уроках математики");
        assert_eq!(fields.capacity, Some(30));
    }

    #[test]
    fn every_invalid_field_is_reported_at_once() {
        let mut bad = input();
        bad.resource_ids = Vec::new();
        bad.role = EventRole::Participant;
        bad.title = "Сем".to_owned();
        bad.ends_on = day(9);
        bad.place = " ".to_owned();
        bad.online_url = "zoom.us/j/123456".to_owned();
        bad.speakers = vec!["Я".to_owned()];
        assert_eq!(
            invalid(parse(&bad)),
            "title TooShort; organiser_name Required; ends_on OutOfRange; online_url InvalidFormat; \
             speakers[0] TooShort; open_to_city NotAllowed"
        );
        let mut nowhere = input();
        nowhere.resource_ids = Vec::new();
        nowhere.place = String::new();
        nowhere.open_to_city = false;
        assert_eq!(invalid(parse(&nowhere)), "place Required; capacity NotAllowed");
        nowhere.capacity = None;
        nowhere.online_url = "https://vk.com/video-1".to_owned();
        assert!(parse(&nowhere).is_ok());
        let mut open = input();
        open.resource_ids = Vec::new();
        open.capacity = None;
        assert_eq!(invalid(parse(&open)), "capacity Required");
        open.capacity = Some(0);
        assert_eq!(invalid(parse(&open)), "capacity OutOfRange");
    }

    #[test]
    fn a_change_keeps_places_for_the_confirmed_registrations() {
        assert!(holds(Some(5), 5).is_ok());
        assert_eq!(invalid(holds(Some(4), 5)), "capacity OutOfRange");
        assert_eq!(invalid(holds(None, 1)), "open_to_city NotAllowed");
        assert!(holds(None, 0).is_ok());
    }

    #[test]
    fn a_draft_is_published_once_and_a_cancelled_event_never_changes() {
        assert!(publishable(EventStatus::Draft).is_ok());
        let reason = |result: Result<(), DomainError>| result.unwrap_err().reason();
        assert_eq!(
            reason(publishable(EventStatus::Published)),
            Some(RefusalReason::EventNotDraft)
        );
        assert_eq!(
            reason(publishable(EventStatus::Cancelled)),
            Some(RefusalReason::EventCancelled)
        );
        assert_eq!(
            reason(changeable(EventStatus::Cancelled)),
            Some(RefusalReason::EventCancelled)
        );
    }

    #[test]
    fn registration_is_open_until_the_last_day_while_places_remain() {
        let open = Registrable {
            status: EventStatus::Published,
            open_to_city: true,
            capacity: Some(2),
            ends_on: day(10),
            confirmed: 1,
        };
        let reason = |event: Registrable, today| may_register(event, today).err().and_then(|e| e.reason());
        assert_eq!(reason(open, day(10)), None);
        assert_eq!(reason(open, day(11)), Some(RefusalReason::RegistrationClosed));
        assert_eq!(
            reason(Registrable { confirmed: 2, ..open }, day(1)),
            Some(RefusalReason::EventFull)
        );
        let draft = Registrable {
            status: EventStatus::Draft,
            ..open
        };
        assert_eq!(reason(draft, day(1)), Some(RefusalReason::RegistrationClosed));
        let closed = Registrable {
            open_to_city: false,
            ..open
        };
        assert_eq!(reason(closed, day(1)), Some(RefusalReason::RegistrationClosed));
        let cancelled = Registrable {
            status: EventStatus::Cancelled,
            ..open
        };
        assert_eq!(reason(cancelled, day(1)), Some(RefusalReason::EventCancelled));
    }

    #[test]
    fn attendance_from_the_first_day_and_feedback_from_the_last_once() {
        let published = EventStatus::Published;
        assert!(may_mark_attendance(published, day(10), day(10)).is_ok());
        assert_eq!(
            may_mark_attendance(published, day(10), day(9)).unwrap_err().reason(),
            Some(RefusalReason::EventNotStarted)
        );
        assert!(may_request_feedback(published, day(12), false, day(12)).is_ok());
        assert_eq!(
            may_request_feedback(published, day(12), false, day(11))
                .unwrap_err()
                .reason(),
            Some(RefusalReason::EventNotOver)
        );
        assert_eq!(
            may_request_feedback(published, day(12), true, day(20))
                .unwrap_err()
                .reason(),
            Some(RefusalReason::FeedbackAlreadyRequested)
        );
        assert!(may_answer(true, true, false).is_ok());
        let reason = |r: Result<(), DomainError>| r.unwrap_err().reason();
        assert_eq!(
            reason(may_answer(false, true, false)),
            Some(RefusalReason::FeedbackNotRequested)
        );
        assert_eq!(reason(may_answer(true, false, false)), Some(RefusalReason::NotAttended));
        assert_eq!(
            reason(may_answer(true, true, true)),
            Some(RefusalReason::AlreadyAnswered)
        );
    }

    #[test]
    fn a_confirmation_code_has_eight_unambiguous_characters() {
        let code = confirmation_code([0, 31, 32, 255, 8, 14, 24, 100]);
        assert_eq!(code.len(), 8);
        assert!(!code.contains(['0', 'O', '1', 'I']));
        assert_eq!(&code[..3], "A9A");
    }
}
