//! Events (Regulation 2.3, R14): organised by a school's staff (or the committee's
//! specialists), published to the municipality's calendar, registered for by the city's
//! teachers when open to the city, attended, and answered about.

use super::access::{self, Access};
use super::concurrency::{Expected, claim};
use super::{Caller, Outcome, write};
use crate::clock::today;
use crate::db::DbConnection;
use crate::db::models::audit::Event as Audit;
use crate::db::models::event::{self as rows, Drafts, EventRow};
use crate::db::models::{Locked, PageRequest, lock, resource};
use crate::domain::error::DomainError;
use crate::domain::events::{self as rules, EventFields, Registrable};
use crate::domain::policy;
use crate::domain::text::{self, field_error};
use crate::error::ApiError;
use openapi::FieldErrorCode::NotAllowed;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::events::{
    AttendanceInput, Event, EventFeedback, EventFeedbackInput, EventFilter, EventInput, EventItem, EventStatus,
    Registration,
};
use openapi::plan::{Reminder, ReminderKind};
use openapi::{EventId, OrganisationId, Page, PageQuery, ResourceId, UserId, limits};

/// One page of the calendar, by first day: the published and cancelled events of every
/// organisation, and the drafts of the caller's own (every draft for the committee).
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    page: &PageQuery,
    filter: &EventFilter,
) -> Outcome<Page<EventItem>> {
    let page = PageRequest::parse(page)?;
    let actor = &caller.actor;
    let drafts = if policy::reads_every_school(actor) {
        Drafts::All
    } else if policy::can_read_school_work(actor, actor.org_id) || policy::can_manage_events(actor, actor.org_id) {
        Drafts::Of(actor.org_id)
    } else {
        Drafts::None
    };
    let (items, total) = rows::list(conn, filter, drafts, page)?;
    Ok(page.wrap(items, total))
}

/// One event.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: EventId) -> Outcome<Event> {
    access::event(conn, &caller.actor, id, Access::Read)?;
    Ok(rows::load(conn, id, caller.actor.user_id)?)
}

/// Records a draft event of the caller's organisation.
pub fn create(conn: &mut DbConnection, caller: &Caller, input: &EventInput) -> Outcome<Event> {
    let actor = &caller.actor;
    if !policy::can_manage_events(actor, actor.org_id) {
        return Err(ApiError::Forbidden);
    }
    write(conn, |conn| {
        let fields = resolve(conn, actor.org_id, input)?;
        let id = rows::insert(conn, actor.org_id, &fields, actor.user_id)?;
        let created = rows::load(conn, id, actor.user_id)?;
        Audit::new(AuditAction::Create, AuditEntity::Event, id)
            .by(actor.user_id)
            .of(actor.org_id)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// Rewrites an event made on the `expected` version. A cancelled event is refused with
/// `event_cancelled`; the places may not drop below the confirmed registrations.
pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EventId,
    expected: Expected,
    input: &EventInput,
) -> Outcome<Event> {
    write(conn, |conn| {
        let row = access::event(conn, &caller.actor, id, Access::Edit)?;
        // The claim takes the event's row lock (as a registration's `lock` does), so the
        // registrations are counted after it: none slips in between count and change.
        claim(expected, row.version, |version| rows::claim(conn, id.0, version))?;
        rules::changeable(row.status())?;
        let fields = resolve(conn, row.org(), input)?;
        rules::holds(fields.capacity, rows::confirmed(conn, id)?)?;
        let before = rows::load(conn, id, caller.actor.user_id)?;
        rows::update(conn, id, &fields)?;
        changed(conn, caller, AuditAction::Update, &before)
    })
}

/// Publishes a draft made on the `expected` version to the calendar (`event_not_draft`
/// otherwise).
pub fn publish(conn: &mut DbConnection, caller: &Caller, id: EventId, expected: Expected) -> Outcome<Event> {
    write(conn, |conn| {
        let row = access::event(conn, &caller.actor, id, Access::Edit)?;
        claim(expected, row.version, |version| rows::claim(conn, id.0, version))?;
        rules::publishable(row.status())?;
        let before = rows::load(conn, id, caller.actor.user_id)?;
        rows::set_status(conn, id, EventStatus::Published)?;
        changed(conn, caller, AuditAction::Publish, &before)
    })
}

/// Cancels an event made on the `expected` version; it stays in the calendar, marked.
pub fn cancel(conn: &mut DbConnection, caller: &Caller, id: EventId, expected: Expected) -> Outcome<Event> {
    write(conn, |conn| {
        let row = access::event(conn, &caller.actor, id, Access::Edit)?;
        claim(expected, row.version, |version| rows::claim(conn, id.0, version))?;
        rules::changeable(row.status())?;
        let before = rows::load(conn, id, caller.actor.user_id)?;
        rows::set_status(conn, id, EventStatus::Cancelled)?;
        changed(conn, caller, AuditAction::Cancel, &before)
    })
}

/// One page of an event's registrations in the order they came: for the organisation's
/// staff and the committee.
pub fn registrations(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EventId,
    page: &PageQuery,
) -> Outcome<Page<Registration>> {
    let page = PageRequest::parse(page)?;
    let row = organised(conn, caller, id, Access::Read)?;
    let (items, total) = rows::registrations(conn, EventId(row.id), page)?;
    Ok(page.wrap(items, total))
}

/// Registers the caller for a published event open to the city, while places remain:
/// a confirmed registration with a confirmation code.
pub fn register(conn: &mut DbConnection, caller: &Caller, id: EventId) -> Outcome<Registration> {
    let actor = &caller.actor;
    write(conn, |conn| {
        // Concurrent registrations take the last places one after another.
        lock(conn, Locked::Event, id.0)?;
        let row = access::event(conn, actor, id, Access::Read)?;
        let existing = rows::registration_of(conn, id, actor.user_id)?;
        if existing.as_ref().is_some_and(rows::RegistrationRow::is_confirmed) {
            return Err(DomainError::refused(
                openapi::RefusalReason::AlreadyRegistered,
                "You are registered for this event already.",
            )
            .into());
        }
        let event = Registrable {
            status: row.status(),
            open_to_city: row.open_to_city,
            capacity: row.capacity,
            ends_on: row.ends_on,
            confirmed: rows::confirmed(conn, id)?,
        };
        rules::may_register(event, today())?;
        let code = rules::confirmation_code(rand::random());
        let registration = rows::register(conn, id, actor.user_id, actor.org_id, &code)?;
        let created = rows::load_registration(conn, registration)?;
        Audit::new(AuditAction::Create, AuditEntity::Registration, registration)
            .by(actor.user_id)
            .of(row.org())
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// Cancels the caller's registration (`404` when they hold none), under the event's lock
/// so that it is never half-way through an attendance list or a registration.
pub fn unregister(conn: &mut DbConnection, caller: &Caller, id: EventId) -> Outcome<()> {
    let actor = &caller.actor;
    write(conn, |conn| {
        lock(conn, Locked::Event, id.0)?;
        let row = access::event(conn, actor, id, Access::Read)?;
        let Some(existing) =
            rows::registration_of(conn, id, actor.user_id)?.filter(rows::RegistrationRow::is_confirmed)
        else {
            return Err(ApiError::NotFound);
        };
        let registration = openapi::RegistrationId(existing.id);
        let before = rows::load_registration(conn, registration)?;
        rows::cancel_registration(conn, registration)?;
        let after = rows::load_registration(conn, registration)?;
        Audit::new(AuditAction::Cancel, AuditEntity::Registration, registration)
            .by(actor.user_id)
            .of(row.org())
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(())
    })
}

/// Marks who attended, from the event's first day: the listed confirmed registrations
/// present, the others absent. An id that is not a confirmed registration of the event
/// is refused by its position in `attended`. The registrations are read under the
/// event's lock, so none is cancelled between the check and the marks.
pub fn mark_attendance(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EventId,
    input: &AttendanceInput,
) -> Outcome<Event> {
    text::at_most("attended", input.attended.len(), limits::ATTENDED).map_err(DomainError::from)?;
    write(conn, |conn| {
        lock(conn, Locked::Event, id.0)?;
        let row = organised(conn, caller, id, Access::Edit)?;
        rules::may_mark_attendance(row.status(), row.starts_on, today())?;
        let confirmed = rows::confirmed_ids(conn, id)?;
        let errors: Vec<_> = input
            .attended
            .iter()
            .enumerate()
            .filter(|(_, registration)| !confirmed.contains(&registration.0))
            .map(|(index, _)| {
                field_error(
                    &format!("attended[{index}]"),
                    NotAllowed,
                    "must be a confirmed registration of this event",
                )
            })
            .collect();
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors).into());
        }
        let present: Vec<i64> = input.attended.iter().map(|registration| registration.0).collect();
        let before = rows::load(conn, id, caller.actor.user_id)?;
        rows::set_attendance(conn, id, &present)?;
        rows::bump(conn, id.0)?;
        changed(conn, caller, AuditAction::Attendance, &before)
    })
}

/// Asks the attendees for feedback, once, from the event's last day: each attendee finds
/// it among their reminders. Asked under the event's lock, so two requests at once ask
/// once.
pub fn request_feedback(conn: &mut DbConnection, caller: &Caller, id: EventId) -> Outcome<Event> {
    write(conn, |conn| {
        lock(conn, Locked::Event, id.0)?;
        let row = organised(conn, caller, id, Access::Edit)?;
        rules::may_request_feedback(row.status(), row.ends_on, row.feedback_requested_at.is_some(), today())?;
        let before = rows::load(conn, id, caller.actor.user_id)?;
        rows::request_feedback(conn, id)?;
        rows::bump(conn, id.0)?;
        changed(conn, caller, AuditAction::FeedbackRequest, &before)
    })
}

/// Records the caller's one answer about an event they attended, once asked; whether
/// they attended is read under the event's lock.
pub fn answer(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EventId,
    input: &EventFeedbackInput,
) -> Outcome<EventFeedback> {
    let actor = &caller.actor;
    let mut errors = text::Errors::default();
    errors.take(text::in_range("csat", input.csat, limits::CSAT));
    let comment = errors.take(text::optional("comment", &input.comment, limits::LONG_NOTE));
    errors.finish()?;
    let comment = comment.flatten().unwrap_or_default();
    write(conn, |conn| {
        lock(conn, Locked::Event, id.0)?;
        let row = access::event(conn, actor, id, Access::Read)?;
        let registration = rows::registration_of(conn, id, actor.user_id)?;
        let attended = registration.as_ref().is_some_and(|r| r.is_confirmed() && r.attended);
        let answered = rows::answered(conn, id, actor.user_id)?;
        rules::may_answer(row.feedback_requested_at.is_some(), attended, answered)?;
        let at = rows::insert_feedback(conn, id, actor.user_id, input.csat, &comment)?;
        let recorded = EventFeedback {
            event_id: id,
            user_id: actor.user_id,
            csat: input.csat,
            comment,
            created_at: at.and_utc(),
        };
        let registration = registration.map_or(0, |r| r.id);
        Audit::new(AuditAction::Answer, AuditEntity::Registration, registration)
            .by(actor.user_id)
            .of(row.org())
            .after(&recorded)
            .record(conn)?;
        Ok(recorded)
    })
}

/// The events whose feedback the user owes, as reminders dated by the event's last day.
pub fn reminders(conn: &mut DbConnection, user: UserId, today: chrono::NaiveDate) -> Outcome<Vec<Reminder>> {
    Ok(rows::feedback_due(conn, user)?
        .into_iter()
        .map(|row| Reminder {
            kind: ReminderKind::EventFeedback,
            item: None,
            risk: None,
            event_id: Some(EventId(row.id)),
            project_id: None,
            project_title: None,
            days_left: (row.ends_on - today).num_days(),
            due_on: row.ends_on,
            title: row.title,
        })
        .collect())
}

/// An event of the caller's organisation's work: `Read` for its staff and the committee,
/// `Edit` for its organisers; `403` for those who only read the published event.
fn organised(conn: &mut DbConnection, caller: &Caller, id: EventId, access: Access) -> Outcome<EventRow> {
    let row = access::event(conn, &caller.actor, id, Access::Read)?;
    let org = row.org();
    let may = match access {
        Access::Read => policy::can_read_school_work(&caller.actor, org),
        Access::Edit => policy::can_manage_events(&caller.actor, org),
    };
    if may { Ok(row) } else { Err(ApiError::Forbidden) }
}

/// Reads the event after a change and records the change.
fn changed(conn: &mut DbConnection, caller: &Caller, action: AuditAction, before: &Event) -> Outcome<Event> {
    let after = rows::load(conn, before.id, caller.actor.user_id)?;
    Audit::new(action, AuditEntity::Event, after.id)
        .by(caller.actor.user_id)
        .of(after.org_id)
        .before(before)
        .after(&after)
        .record(conn)?;
    Ok(after)
}

/// Checks an event of organisation `org`: every resource presented must be the
/// organisation's own or published.
fn resolve(conn: &mut DbConnection, org: OrganisationId, input: &EventInput) -> Outcome<EventFields> {
    let fields = rules::parse(input)?;
    presentable(conn, org, "resource_ids", &input.resource_ids)?;
    Ok(fields)
}

/// Refuses, by position in `field`, a resource that is neither `org`'s nor published.
pub fn presentable(conn: &mut DbConnection, org: OrganisationId, field: &str, ids: &[ResourceId]) -> Outcome<()> {
    let mut errors = Vec::new();
    for (index, id) in ids.iter().enumerate() {
        let row = diesel::OptionalExtension::optional(resource::find(conn, *id))?;
        if row.is_none_or(|row| row.org_id != org.0 && !row.is_published()) {
            errors.push(field_error(
                &format!("{field}[{index}]"),
                NotAllowed,
                "must be a resource of the organisation or a published one",
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Invalid(errors).into())
    }
}

#[cfg(test)]
#[path = "events_tests.rs"]
mod tests;
