//! Cohorts (потоки) of a training programme and the teachers' enrolments (R4).
//!
//! - A cohort runs from `starts_on` to `ends_on`; it is `planned` before its first day,
//!   `running` until its last and `finished` after it.
//! - Its format says where it meets: in person needs a place, at a distance an online
//!   link, blended both. Its sessions fall within its dates; when it has sessions their
//!   hours are the cohort's hours.
//! - An enrolment takes a place while the places taken (enrolled and completed) are
//!   fewer than the capacity, and waits otherwise; a place that frees goes to the first
//!   waiting. A finished cohort takes no enrolments.
//! - Only an enrolled teacher completes, and only once the cohort has started and their
//!   attended hours reach the cohort's threshold (see `domain::certificates`).

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use chrono::NaiveDate;
use openapi::FieldErrorCode::{InvalidFormat, NotAllowed, OutOfRange, Required, Taken};
use openapi::cohorts::{CohortInput, CohortStatus, EnrolmentStatus};
use openapi::resources::ProgrammeFormat;
use openapi::{CohortSessionId, EnrolmentId, RefusalReason, limits};

/// A session of a cohort, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFields {
    /// The existing session it is, if any.
    pub id: Option<CohortSessionId>,
    /// The day.
    pub held_on: NaiveDate,
    /// The topic.
    pub topic: String,
    /// Academic hours.
    pub hours: i32,
}

/// A cohort's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortFields {
    /// Title.
    pub title: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// Format.
    pub format: ProgrammeFormat,
    /// Planned hours.
    pub hours: i32,
    /// Places.
    pub capacity: i32,
    /// The share of the hours (per cent) a teacher attends to complete.
    pub attendance_threshold: i32,
    /// Where it meets; may be empty.
    pub place: String,
    /// Online link; may be empty.
    pub online_link: String,
    /// Trainers' names.
    pub trainers: Vec<String>,
    /// Sessions, by day.
    pub sessions: Vec<SessionFields>,
}

/// The programme a cohort belongs to, as far as its defaults go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Programme {
    /// The programme's hours.
    pub hours: Option<i32>,
    /// The programme's format.
    pub format: Option<ProgrammeFormat>,
}

/// Checks a cohort of `programme`, reporting every invalid field at once.
pub fn parse(input: &CohortInput, programme: Programme) -> Result<CohortFields, DomainError> {
    let mut errors = Errors::default();
    let title = errors.take(text::bounded("title", &input.title, limits::COHORT_TITLE));
    if input.ends_on < input.starts_on {
        errors.add("ends_on", OutOfRange, "must not be before starts_on");
    }
    let format = input.format.or(programme.format).unwrap_or(ProgrammeFormat::InPerson);
    let hours = match input.hours.or(programme.hours) {
        Some(hours) => errors.take(text::in_range("hours", hours, limits::COHORT_HOURS)),
        None => {
            errors.add("hours", Required, "the programme has no hours; give them");
            None
        }
    };
    let capacity = errors.take(text::in_range("capacity", input.capacity, limits::COHORT_CAPACITY));
    let threshold = input
        .attendance_threshold
        .unwrap_or(limits::DEFAULT_ATTENDANCE_THRESHOLD);
    let attendance_threshold = errors.take(text::in_range(
        "attendance_threshold",
        threshold,
        limits::ATTENDANCE_THRESHOLD,
    ));
    let place = errors
        .take(text::optional("place", &input.place, limits::COHORT_PLACE))
        .flatten();
    let link = errors
        .take(text::optional("online_link", &input.online_link, limits::ONLINE_LINK))
        .flatten();
    if let Some(link) = &link
        && !(link.starts_with("https://") || link.starts_with("http://"))
    {
        errors.add("online_link", InvalidFormat, "must be an http(s) address");
    }
    let (needs_place, needs_link) = match format {
        ProgrammeFormat::InPerson => (true, false),
        ProgrammeFormat::Distance => (false, true),
        ProgrammeFormat::Blended => (true, true),
    };
    if needs_place && input.place.trim().is_empty() {
        errors.add("place", Required, "a cohort that meets in person names its place");
    }
    if needs_link && input.online_link.trim().is_empty() {
        errors.add("online_link", Required, "a cohort at a distance names its online link");
    }
    let trainers = trainers(&input.trainers, &mut errors);
    let sessions = sessions(input, &mut errors);
    errors.finish()?;
    Ok(CohortFields {
        title: title.unwrap_or_default(),
        starts_on: input.starts_on,
        ends_on: input.ends_on,
        format,
        hours: hours.unwrap_or_default(),
        capacity: capacity.unwrap_or_default(),
        attendance_threshold: attendance_threshold.unwrap_or(limits::DEFAULT_ATTENDANCE_THRESHOLD),
        place: place.unwrap_or_default(),
        online_link: link.unwrap_or_default(),
        trainers,
        sessions,
    })
}

fn trainers(given: &[String], errors: &mut Errors) -> Vec<String> {
    let (min, max) = (limits::TRAINERS.min, limits::TRAINERS.max);
    if given.len() < min || given.len() > max {
        errors.add("trainers", OutOfRange, format!("name from {min} to {max} trainers"));
    }
    given
        .iter()
        .enumerate()
        .filter_map(|(index, name)| errors.take(text::bounded(&format!("trainers[{index}]"), name, limits::TRAINER)))
        .collect()
}

fn sessions(input: &CohortInput, errors: &mut Errors) -> Vec<SessionFields> {
    let given = &input.sessions;
    if given.len() > limits::SESSIONS.max {
        errors.add(
            "sessions",
            OutOfRange,
            format!("at most {} sessions", limits::SESSIONS.max),
        );
    }
    let mut sessions = Vec::with_capacity(given.len());
    for (index, session) in given.iter().enumerate() {
        let at = |field: &str| format!("sessions[{index}].{field}");
        if session.held_on < input.starts_on || session.held_on > input.ends_on {
            errors.add(&at("held_on"), OutOfRange, "must be within the cohort's dates");
        }
        if let Some(id) = session.id
            && given[..index].iter().any(|earlier| earlier.id == Some(id))
        {
            errors.add(&at("id"), Taken, "each session once");
        }
        let topic = errors.take(text::bounded(&at("topic"), &session.topic, limits::SESSION_TOPIC));
        let hours = errors.take(text::in_range(&at("hours"), session.hours, limits::SESSION_HOURS));
        if let (Some(topic), Some(hours)) = (topic, hours) {
            sessions.push(SessionFields {
                id: session.id,
                held_on: session.held_on,
                topic,
                hours,
            });
        }
    }
    sessions.sort_by_key(|session| session.held_on);
    sessions
}

/// The hours shown and certified: the sessions' sum when there are sessions, the
/// planned hours otherwise.
pub fn hours(planned: i32, sessions: &[i32]) -> i32 {
    if sessions.is_empty() {
        planned
    } else {
        sessions.iter().sum()
    }
}

/// Where a cohort stands on `today`.
pub fn status(starts_on: NaiveDate, ends_on: NaiveDate, today: NaiveDate) -> CohortStatus {
    if today < starts_on {
        CohortStatus::Planned
    } else if today <= ends_on {
        CohortStatus::Running
    } else {
        CohortStatus::Finished
    }
}

/// Refuses a capacity below the places taken.
pub fn capacity_holds(capacity: i32, taken: i64) -> Result<(), DomainError> {
    if i64::from(capacity) < taken {
        Err(DomainError::field(
            "capacity",
            OutOfRange,
            format!("{taken} teachers have places already"),
        ))
    } else {
        Ok(())
    }
}

/// Where a new enrolment goes: a place while places are free, the waiting list
/// otherwise; a finished cohort is refused (`cohort_finished`), and so is a teacher with
/// a live enrolment (`already_enrolled`).
pub fn place(
    existing: Option<EnrolmentStatus>,
    status: CohortStatus,
    capacity: i32,
    taken: i64,
) -> Result<EnrolmentStatus, DomainError> {
    if matches!(
        existing,
        Some(EnrolmentStatus::Enrolled | EnrolmentStatus::Waiting | EnrolmentStatus::Completed)
    ) {
        return Err(DomainError::refused(
            RefusalReason::AlreadyEnrolled,
            "The teacher is enrolled in this cohort already.",
        ));
    }
    if status == CohortStatus::Finished {
        return Err(DomainError::refused(
            RefusalReason::CohortFinished,
            "The cohort has finished; enrol in another one.",
        ));
    }
    Ok(if taken < i64::from(capacity) {
        EnrolmentStatus::Enrolled
    } else {
        EnrolmentStatus::Waiting
    })
}

/// Refuses an action on an enrolment that is waiting, withdrawn or completed, with the
/// reason of its state.
pub fn active(status: EnrolmentStatus, allow_waiting: bool) -> Result<(), DomainError> {
    match status {
        EnrolmentStatus::Enrolled => Ok(()),
        EnrolmentStatus::Waiting if allow_waiting => Ok(()),
        EnrolmentStatus::Waiting => Err(DomainError::refused(
            RefusalReason::EnrolmentWaiting,
            "The teacher is on the waiting list.",
        )),
        EnrolmentStatus::Withdrawn => Err(DomainError::refused(
            RefusalReason::EnrolmentWithdrawn,
            "The enrolment is withdrawn.",
        )),
        EnrolmentStatus::Completed => Err(DomainError::refused(
            RefusalReason::EnrolmentCompleted,
            "The enrolment is completed and its certificate issued.",
        )),
    }
}

/// Refuses completing an enrolment of a cohort that has not started on `today`.
pub fn may_complete(status: EnrolmentStatus, starts_on: NaiveDate, today: NaiveDate) -> Result<(), DomainError> {
    active(status, false)?;
    if today < starts_on {
        return Err(DomainError::refused(
            RefusalReason::CohortNotStarted,
            "The cohort has not started yet.",
        ));
    }
    Ok(())
}

/// Checks the enrolments marked present at a session: each once, each among `allowed`
/// (the cohort's enrolled and completed ones).
pub fn present(given: &[EnrolmentId], allowed: &[EnrolmentId]) -> Result<Vec<EnrolmentId>, DomainError> {
    let mut errors = Errors::default();
    if given.len() > limits::PRESENT.max {
        errors.add("present", OutOfRange, "too many enrolments");
    }
    for (index, id) in given.iter().enumerate() {
        if given[..index].contains(id) {
            errors.add(&format!("present[{index}]"), Taken, "each enrolment once");
        } else if !allowed.contains(id) {
            errors.add(
                &format!("present[{index}]"),
                NotAllowed,
                "must be an enrolled teacher of this cohort",
            );
        }
    }
    errors.finish()?;
    Ok(given.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::error::invalid;
    use openapi::cohorts::CohortSessionInput;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, d).unwrap()
    }

    const PROGRAMME: Programme = Programme {
        hours: Some(36),
        format: Some(ProgrammeFormat::Blended),
    };

    fn input() -> CohortInput {
        CohortInput {
            title: " Поток январь 2027 ".to_owned(),
            starts_on: day(10),
            ends_on: day(30),
            format: None,
            hours: None,
            capacity: 20,
            attendance_threshold: None,
            place: "СОШ № 61, ауд. 204".to_owned(),
            online_link: "https://sch61.example/webinar".to_owned(),
            trainers: vec!["Смирнов А. И.".to_owned()],
            sessions: vec![
                CohortSessionInput {
                    id: None,
                    held_on: day(20),
                    topic: "Критерии оценивания".to_owned(),
                    hours: 4,
                },
                CohortSessionInput {
                    id: None,
                    held_on: day(10),
                    topic: "Обратная связь на уроке".to_owned(),
                    hours: 6,
                },
            ],
        }
    }

    #[test]
    fn a_cohort_takes_the_programmes_hours_and_format_and_orders_its_sessions_by_day() {
        let fields = parse(&input(), PROGRAMME).unwrap();
        assert_eq!(fields.title, "Поток январь 2027");
        assert_eq!((fields.format, fields.hours), (ProgrammeFormat::Blended, 36));
        let days: Vec<NaiveDate> = fields.sessions.iter().map(|s| s.held_on).collect();
        assert_eq!(days, [day(10), day(20)]);
        assert_eq!(hours(36, &[6, 4]), 10, "the sessions' hours are shown");
        assert_eq!(hours(36, &[]), 36);
        assert_eq!(fields.attendance_threshold, 75, "three quarters unless stated");
    }

    #[test]
    fn the_attendance_threshold_is_a_share_from_one_to_a_hundred_per_cent() {
        let mut all = input();
        all.attendance_threshold = Some(100);
        assert_eq!(parse(&all, PROGRAMME).unwrap().attendance_threshold, 100);
        for wrong in [0, 101, -5] {
            let mut bad = input();
            bad.attendance_threshold = Some(wrong);
            assert_eq!(invalid(parse(&bad, PROGRAMME)), "attendance_threshold OutOfRange");
        }
    }

    #[test]
    fn the_format_says_whether_a_place_or_a_link_is_needed() {
        let mut distance = input();
        distance.format = Some(ProgrammeFormat::Distance);
        distance.online_link = String::new();
        distance.place = String::new();
        assert_eq!(invalid(parse(&distance, PROGRAMME)), "online_link Required");
        let mut in_person = input();
        in_person.format = Some(ProgrammeFormat::InPerson);
        in_person.place = " ".to_owned();
        in_person.online_link = String::new();
        assert_eq!(invalid(parse(&in_person, PROGRAMME)), "place Required");
        let mut wrong_link = input();
        wrong_link.online_link = "ftp://files.example".to_owned();
        assert_eq!(invalid(parse(&wrong_link, PROGRAMME)), "online_link InvalidFormat");
    }

    #[test]
    fn every_invalid_field_is_reported_at_once() {
        let mut bad = input();
        bad.ends_on = day(9);
        bad.capacity = 0;
        bad.trainers = vec!["Я".to_owned()];
        bad.sessions[0].hours = 0;
        bad.sessions[1].held_on = day(31);
        assert_eq!(
            invalid(parse(&bad, PROGRAMME)),
            "ends_on OutOfRange; capacity OutOfRange; trainers[0] TooShort; sessions[0].held_on OutOfRange; \
             sessions[0].hours OutOfRange; sessions[1].held_on OutOfRange"
        );
        let mut no_hours = input();
        no_hours.trainers.clear();
        assert_eq!(
            invalid(parse(
                &no_hours,
                Programme {
                    hours: None,
                    format: None
                }
            )),
            "hours Required; trainers OutOfRange"
        );
    }

    #[test]
    fn a_cohort_is_planned_then_running_then_finished() {
        assert_eq!(status(day(10), day(20), day(9)), CohortStatus::Planned);
        assert_eq!(status(day(10), day(20), day(10)), CohortStatus::Running);
        assert_eq!(status(day(10), day(20), day(20)), CohortStatus::Running);
        assert_eq!(status(day(10), day(20), day(21)), CohortStatus::Finished);
    }

    #[test]
    fn a_full_cohort_puts_the_teacher_on_the_waiting_list_and_a_finished_one_refuses() {
        let running = CohortStatus::Running;
        assert_eq!(place(None, running, 2, 1).unwrap(), EnrolmentStatus::Enrolled);
        assert_eq!(place(None, running, 2, 2).unwrap(), EnrolmentStatus::Waiting);
        assert_eq!(
            place(Some(EnrolmentStatus::Withdrawn), running, 2, 0).unwrap(),
            EnrolmentStatus::Enrolled,
            "a withdrawn teacher enrols again"
        );
        for live in [
            EnrolmentStatus::Enrolled,
            EnrolmentStatus::Waiting,
            EnrolmentStatus::Completed,
        ] {
            assert_eq!(
                place(Some(live), running, 2, 0).unwrap_err().reason(),
                Some(RefusalReason::AlreadyEnrolled)
            );
        }
        assert_eq!(
            place(None, CohortStatus::Finished, 2, 0).unwrap_err().reason(),
            Some(RefusalReason::CohortFinished)
        );
        assert!(capacity_holds(3, 3).is_ok());
        assert_eq!(invalid(capacity_holds(2, 3)), "capacity OutOfRange");
    }

    #[test]
    fn only_an_enrolled_teacher_of_a_started_cohort_completes() {
        assert!(may_complete(EnrolmentStatus::Enrolled, day(10), day(10)).is_ok());
        let refused = |status, today| may_complete(status, day(10), today).unwrap_err().reason();
        assert_eq!(
            refused(EnrolmentStatus::Enrolled, day(9)),
            Some(RefusalReason::CohortNotStarted)
        );
        assert_eq!(
            refused(EnrolmentStatus::Waiting, day(11)),
            Some(RefusalReason::EnrolmentWaiting)
        );
        assert_eq!(
            refused(EnrolmentStatus::Withdrawn, day(11)),
            Some(RefusalReason::EnrolmentWithdrawn)
        );
        assert_eq!(
            refused(EnrolmentStatus::Completed, day(11)),
            Some(RefusalReason::EnrolmentCompleted)
        );
        assert!(active(EnrolmentStatus::Waiting, true).is_ok());
    }

    #[test]
    fn attendance_names_each_enrolled_teacher_of_the_cohort_once() {
        let allowed = [EnrolmentId(1), EnrolmentId(2)];
        assert_eq!(present(&[EnrolmentId(2)], &allowed).unwrap(), [EnrolmentId(2)]);
        assert_eq!(
            invalid(present(&[EnrolmentId(1), EnrolmentId(1), EnrolmentId(9)], &allowed)),
            "present[1] Taken; present[2] NotAllowed"
        );
    }
}
