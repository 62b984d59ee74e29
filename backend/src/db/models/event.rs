//! The `events`, `event_resources`, `event_registrations` and `event_feedback` tables.

use super::attachment::{self, Owner};
use super::{Backend, PageRequest};
use crate::db::DbConnection;
use crate::db::schema::{event_feedback, event_registrations, event_resources, events, resources, users};
use crate::domain::events::EventFields;
use crate::domain::text::{like_pattern, search_key};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use openapi::events::{
    Event, EventFeedbackSummary, EventFilter, EventItem, EventKind, EventLevel, EventRole, EventStatus,
    PresentedResource, Registration, RegistrationStatus,
};
use openapi::{EventId, OrganisationId, RegistrationId, ResourceId, UserId};
use std::collections::HashMap;

/// A row of `events`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = events)]
pub struct EventRow {
    /// Id.
    pub id: i64,
    /// The organisation whose event it is.
    pub org_id: i64,
    /// `organiser` or `participant`.
    pub role: String,
    /// The external organiser.
    pub organiser_name: String,
    /// The form.
    pub kind: String,
    /// The level.
    pub level: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// Time as written.
    pub time_text: String,
    /// Place.
    pub place: String,
    /// Online link.
    pub online_url: String,
    /// Speakers, one per line.
    pub speakers: String,
    /// Open to the city.
    pub open_to_city: bool,
    /// Places.
    pub capacity: Option<i32>,
    /// `draft`, `published` or `cancelled`.
    pub status: String,
    /// When feedback was asked for.
    pub feedback_requested_at: Option<NaiveDateTime>,
    /// Creation.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
}

impl EventRow {
    /// The organisation.
    pub fn org(&self) -> OrganisationId {
        OrganisationId(self.org_id)
    }

    /// The status.
    pub fn status(&self) -> EventStatus {
        status_of(&self.status)
    }

    /// The form.
    pub fn kind(&self) -> EventKind {
        kind_of(&self.kind)
    }

    /// Organiser or participant.
    pub fn role(&self) -> EventRole {
        role_of(&self.role)
    }
}

/// A stored status read back (an unknown value reads as a draft).
fn status_of(stored: &str) -> EventStatus {
    EventStatus::parse(stored).unwrap_or(EventStatus::Draft)
}

/// A stored form read back.
fn kind_of(stored: &str) -> EventKind {
    EventKind::parse(stored).unwrap_or(EventKind::Other)
}

/// A stored level read back.
fn level_of(stored: &str) -> EventLevel {
    EventLevel::parse(stored).unwrap_or(EventLevel::School)
}

/// A stored role read back.
fn role_of(stored: &str) -> EventRole {
    EventRole::parse(stored).unwrap_or(EventRole::Organiser)
}

/// Who organises the event as shown: the external organiser when one is named, else the
/// organisation itself.
fn organiser_shown(organiser: String, org_name: &str) -> String {
    if organiser.is_empty() {
        org_name.to_owned()
    } else {
        organiser
    }
}

/// One event row.
pub fn find(conn: &mut DbConnection, id: EventId) -> QueryResult<EventRow> {
    events::table.find(id.0).select(EventRow::as_select()).first(conn)
}

/// The columns an event's fields set, on insert and on update alike.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = events, treat_none_as_null = true)]
struct Values<'a> {
    role: &'a str,
    organiser_name: &'a str,
    kind: &'a str,
    level: &'a str,
    title: &'a str,
    description: &'a str,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    time_text: &'a str,
    place: &'a str,
    online_url: &'a str,
    speakers: String,
    open_to_city: bool,
    capacity: Option<i32>,
    search: String,
    updated_at: NaiveDateTime,
}

impl<'a> Values<'a> {
    fn of(fields: &'a EventFields) -> Self {
        Self {
            role: fields.role.as_str(),
            organiser_name: &fields.organiser_name,
            kind: fields.kind.as_str(),
            level: fields.level.as_str(),
            title: &fields.title,
            description: &fields.description,
            starts_on: fields.starts_on,
            ends_on: fields.ends_on,
            time_text: &fields.time_text,
            place: &fields.place,
            online_url: &fields.online_url,
            speakers: fields.speakers.join("\n"),
            open_to_city: fields.open_to_city,
            capacity: fields.capacity,
            search: search_key(&[&fields.title, &fields.organiser_name, &fields.place]),
            updated_at: super::now(),
        }
    }
}

/// Records a draft event of organisation `org` with its resources.
pub fn insert(
    conn: &mut DbConnection,
    org: OrganisationId,
    fields: &EventFields,
    actor: UserId,
) -> QueryResult<EventId> {
    let values = Values::of(fields);
    let id = diesel::insert_into(events::table)
        .values((
            events::org_id.eq(org.0),
            events::status.eq(EventStatus::Draft.as_str()),
            events::created_by.eq(actor.0),
            events::created_at.eq(values.updated_at),
            values,
        ))
        .returning(events::id)
        .get_result(conn)
        .map(EventId)?;
    write_resources(conn, id, &fields.resource_ids)?;
    Ok(id)
}

/// Rewrites an event's fields and resources.
pub fn update(conn: &mut DbConnection, id: EventId, fields: &EventFields) -> QueryResult<()> {
    diesel::update(events::table.find(id.0))
        .set(Values::of(fields))
        .execute(conn)?;
    diesel::delete(event_resources::table.filter(event_resources::event_id.eq(id.0))).execute(conn)?;
    write_resources(conn, id, &fields.resource_ids)
}

/// Moves an event to `status`.
pub fn set_status(conn: &mut DbConnection, id: EventId, status: EventStatus) -> QueryResult<()> {
    diesel::update(events::table.find(id.0))
        .set((events::status.eq(status.as_str()), events::updated_at.eq(super::now())))
        .execute(conn)
        .map(|_| ())
}

/// Records that the attendees were asked for feedback now.
pub fn request_feedback(conn: &mut DbConnection, id: EventId) -> QueryResult<()> {
    let now = super::now();
    diesel::update(events::table.find(id.0))
        .set((events::feedback_requested_at.eq(now), events::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

/// The resources in order, one row each (a batch insert is not portable over the
/// multi-connection).
fn write_resources(conn: &mut DbConnection, id: EventId, ids: &[ResourceId]) -> QueryResult<()> {
    for (position, resource) in (0..).zip(ids) {
        diesel::insert_into(event_resources::table)
            .values((
                event_resources::event_id.eq(id.0),
                event_resources::resource_id.eq(resource.0),
                event_resources::position.eq(position),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The resources presented at these events, in order, by event.
fn presented(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<HashMap<i64, Vec<PresentedResource>>> {
    let rows: Vec<(i64, i64, String)> = event_resources::table
        .inner_join(resources::table)
        .filter(event_resources::event_id.eq_any(ids))
        .order((event_resources::event_id, event_resources::position))
        .select((event_resources::event_id, resources::id, resources::title))
        .load(conn)?;
    let mut by_event: HashMap<i64, Vec<PresentedResource>> = HashMap::new();
    for (event, resource, title) in rows {
        by_event.entry(event).or_default().push(PresentedResource {
            resource_id: ResourceId(resource),
            title,
        });
    }
    Ok(by_event)
}

/// Confirmed registrations of one event.
pub fn confirmed(conn: &mut DbConnection, id: EventId) -> QueryResult<i64> {
    event_registrations::table
        .filter(event_registrations::event_id.eq(id.0))
        .filter(event_registrations::status.eq(RegistrationStatus::Confirmed.as_str()))
        .count()
        .get_result(conn)
}

/// The API representation of rows for `viewer`: organisation names, resources, counts,
/// the viewer's registration and answer, and materials, in seven queries whatever the
/// number of rows.
pub fn complete(conn: &mut DbConnection, rows: Vec<EventRow>, viewer: UserId) -> QueryResult<Vec<Event>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let names = super::organisation::short_names(conn, rows.iter().map(|row| row.org_id))?;
    let mut resources = presented(conn, &ids)?;
    let mut registered: HashMap<i64, (i64, i64)> = HashMap::new();
    let counts: Vec<(i64, bool, i64)> = event_registrations::table
        .filter(event_registrations::event_id.eq_any(&ids))
        .filter(event_registrations::status.eq(RegistrationStatus::Confirmed.as_str()))
        .group_by((event_registrations::event_id, event_registrations::attended))
        .select((
            event_registrations::event_id,
            event_registrations::attended,
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    for (event, attended, count) in counts {
        let entry = registered.entry(event).or_default();
        entry.0 += count;
        if attended {
            entry.1 += count;
        }
    }
    let mut answers: HashMap<i64, (i64, i64)> = HashMap::new();
    let groups: Vec<(i64, i32, i64)> = event_feedback::table
        .filter(event_feedback::event_id.eq_any(&ids))
        .group_by((event_feedback::event_id, event_feedback::csat))
        .select((
            event_feedback::event_id,
            event_feedback::csat,
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    for (event, csat, count) in groups {
        let entry = answers.entry(event).or_default();
        entry.0 += count;
        entry.1 += i64::from(csat) * count;
    }
    let mut mine: HashMap<i64, Registration> = registrations_of(
        conn,
        event_registrations::table
            .filter(event_registrations::event_id.eq_any(&ids))
            .filter(event_registrations::user_id.eq(viewer.0))
            .into_boxed(),
    )?
    .into_iter()
    .map(|registration| (registration.event_id.0, registration))
    .collect();
    let answered: Vec<i64> = event_feedback::table
        .filter(event_feedback::event_id.eq_any(&ids))
        .filter(event_feedback::user_id.eq(viewer.0))
        .select(event_feedback::event_id)
        .load(conn)?;
    let owners: Vec<Owner> = ids.iter().map(|id| Owner::Event(EventId(*id))).collect();
    let mut files = attachment::of_many(conn, &owners)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let id = row.id;
            let (count, sum) = answers.get(&id).copied().unwrap_or_default();
            let (confirmed, present) = registered.get(&id).copied().unwrap_or_default();
            let my_registration = mine.remove(&id);
            let attended = my_registration
                .as_ref()
                .is_some_and(|r| r.attended && r.status == RegistrationStatus::Confirmed);
            let my_feedback_due = attended && row.feedback_requested_at.is_some() && !answered.contains(&id);
            let org_name = names.get(&row.org_id).cloned().unwrap_or_default();
            Event {
                id: EventId(id),
                org_id: OrganisationId(row.org_id),
                role: row.role(),
                kind: row.kind(),
                level: level_of(&row.level),
                status: row.status(),
                organiser_name: organiser_shown(row.organiser_name, &org_name),
                org_name,
                title: row.title,
                description: row.description,
                starts_on: row.starts_on,
                ends_on: row.ends_on,
                time_text: row.time_text,
                place: row.place,
                online_url: row.online_url,
                speakers: row
                    .speakers
                    .split('\n')
                    .filter(|name| !name.is_empty())
                    .map(str::to_owned)
                    .collect(),
                resources: resources.remove(&id).unwrap_or_default(),
                open_to_city: row.open_to_city,
                capacity: row.capacity,
                registered: confirmed,
                attended: present,
                feedback_requested_at: row.feedback_requested_at.map(|at| at.and_utc()),
                feedback: EventFeedbackSummary {
                    count,
                    mean: (count > 0).then(|| crate::domain::fairs::two_decimals(sum as f64 / count as f64)),
                },
                my_registration,
                my_feedback_due,
                attachments: files.remove(&id).unwrap_or_default(),
                created_at: row.created_at.and_utc(),
                updated_at: row.updated_at.and_utc(),
                version: row.version,
            }
        })
        .collect())
}

/// The API representation of one event for `viewer`.
pub fn load(conn: &mut DbConnection, id: EventId, viewer: UserId) -> QueryResult<Event> {
    let row = find(conn, id)?;
    complete(conn, vec![row], viewer)?
        .pop()
        .ok_or(diesel::result::Error::NotFound)
}

/// Whose drafts a calendar shows besides the published and cancelled events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drafts {
    /// Nobody's.
    None,
    /// One organisation's.
    Of(OrganisationId),
    /// Every organisation's (the committee).
    All,
}

fn filtered<'a>(filter: &EventFilter, drafts: Drafts) -> events::BoxedQuery<'a, Backend> {
    let mut query = events::table.into_boxed();
    query = match drafts {
        Drafts::All => query,
        Drafts::Of(org) => query.filter(
            events::status
                .ne(EventStatus::Draft.as_str())
                .or(events::org_id.eq(org.0)),
        ),
        Drafts::None => query.filter(events::status.ne(EventStatus::Draft.as_str())),
    };
    if let Some(from) = filter.from {
        query = query.filter(events::ends_on.ge(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(events::starts_on.le(to));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(events::kind.eq(kind.as_str()));
    }
    if let Some(level) = filter.level {
        query = query.filter(events::level.eq(level.as_str()));
    }
    if let Some(org) = filter.org_id {
        query = query.filter(events::org_id.eq(org.0));
    }
    if let Some(status) = filter.status {
        query = query.filter(events::status.eq(status.as_str()));
    }
    if let Some(pattern) = filter.q.as_deref().and_then(like_pattern) {
        query = query.filter(events::search.like(super::planned_with(pattern)).escape('\\'));
    }
    query
}

/// One page of the calendar by first day, and the total.
pub fn list(
    conn: &mut DbConnection,
    filter: &EventFilter,
    drafts: Drafts,
    page: PageRequest,
) -> QueryResult<(Vec<EventItem>, i64)> {
    let total = filtered(filter, drafts).count().get_result(conn)?;
    let rows: Vec<ItemRow> = filtered(filter, drafts)
        .order((events::starts_on, events::id))
        .limit(page.limit())
        .offset(page.offset())
        .select(ItemRow::as_select())
        .load(conn)?;
    let names = super::organisation::short_names(conn, rows.iter().map(|row| row.org_id))?;
    let items = rows
        .into_iter()
        .map(|row| {
            let org_name = names.get(&row.org_id).cloned().unwrap_or_default();
            EventItem {
                id: EventId(row.id),
                org_id: OrganisationId(row.org_id),
                role: role_of(&row.role),
                organiser_name: organiser_shown(row.organiser_name, &org_name),
                org_name,
                kind: kind_of(&row.kind),
                level: level_of(&row.level),
                title: row.title,
                starts_on: row.starts_on,
                ends_on: row.ends_on,
                status: status_of(&row.status),
            }
        })
        .collect();
    Ok((items, total))
}

/// The columns of an event that the calendar's row shows.
#[derive(Queryable, Selectable)]
#[diesel(table_name = events)]
struct ItemRow {
    id: i64,
    org_id: i64,
    role: String,
    organiser_name: String,
    kind: String,
    level: String,
    title: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    status: String,
}

/// A row of `event_registrations`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = event_registrations)]
pub struct RegistrationRow {
    /// Id.
    pub id: i64,
    /// Event.
    pub event_id: i64,
    /// Registrant.
    pub user_id: i64,
    /// Their organisation.
    pub org_id: i64,
    /// `confirmed` or `cancelled`.
    pub status: String,
    /// Confirmation code.
    pub code: String,
    /// Marked present.
    pub attended: bool,
    /// Last registration.
    pub created_at: NaiveDateTime,
}

impl RegistrationRow {
    /// Whether it holds a place.
    pub fn is_confirmed(&self) -> bool {
        self.status == RegistrationStatus::Confirmed.as_str()
    }
}

/// The registrations a query selects, with names, in its order.
fn registrations_of(
    conn: &mut DbConnection,
    query: event_registrations::BoxedQuery<'_, Backend>,
) -> QueryResult<Vec<Registration>> {
    let rows: Vec<RegistrationRow> = query.select(RegistrationRow::as_select()).load(conn)?;
    let user_ids: Vec<i64> = rows.iter().map(|row| row.user_id).collect();
    let people: HashMap<i64, String> = users::table
        .filter(users::id.eq_any(&user_ids))
        .select((users::id, users::full_name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let orgs = super::organisation::short_names(conn, rows.iter().map(|row| row.org_id))?;
    Ok(rows
        .into_iter()
        .map(|row| Registration {
            id: RegistrationId(row.id),
            event_id: EventId(row.event_id),
            user_id: UserId(row.user_id),
            full_name: people.get(&row.user_id).cloned().unwrap_or_default(),
            org_id: OrganisationId(row.org_id),
            org_name: orgs.get(&row.org_id).cloned().unwrap_or_default(),
            status: RegistrationStatus::parse(&row.status).unwrap_or(RegistrationStatus::Cancelled),
            code: row.code,
            attended: row.attended,
            created_at: row.created_at.and_utc(),
        })
        .collect())
}

/// A user's registration for an event, whatever its status.
pub fn registration_of(conn: &mut DbConnection, event: EventId, user: UserId) -> QueryResult<Option<RegistrationRow>> {
    event_registrations::table
        .filter(event_registrations::event_id.eq(event.0))
        .filter(event_registrations::user_id.eq(user.0))
        .select(RegistrationRow::as_select())
        .first(conn)
        .optional()
}

/// One registration as the API shows it.
pub fn load_registration(conn: &mut DbConnection, id: RegistrationId) -> QueryResult<Registration> {
    registrations_of(
        conn,
        event_registrations::table
            .filter(event_registrations::id.eq(id.0))
            .into_boxed(),
    )?
    .pop()
    .ok_or(diesel::result::Error::NotFound)
}

/// Registers a user with a new confirmation code: a new row, or their cancelled one
/// confirmed again (not attended).
pub fn register(
    conn: &mut DbConnection,
    event: EventId,
    user: UserId,
    org: OrganisationId,
    code: &str,
) -> QueryResult<RegistrationId> {
    let now = super::now();
    if let Some(existing) = registration_of(conn, event, user)? {
        diesel::update(event_registrations::table.find(existing.id))
            .set((
                event_registrations::status.eq(RegistrationStatus::Confirmed.as_str()),
                event_registrations::code.eq(code),
                event_registrations::attended.eq(false),
                event_registrations::created_at.eq(now),
                event_registrations::updated_at.eq(now),
            ))
            .execute(conn)?;
        return Ok(RegistrationId(existing.id));
    }
    diesel::insert_into(event_registrations::table)
        .values((
            event_registrations::event_id.eq(event.0),
            event_registrations::user_id.eq(user.0),
            event_registrations::org_id.eq(org.0),
            event_registrations::status.eq(RegistrationStatus::Confirmed.as_str()),
            event_registrations::code.eq(code),
            event_registrations::attended.eq(false),
            event_registrations::created_at.eq(now),
            event_registrations::updated_at.eq(now),
        ))
        .returning(event_registrations::id)
        .get_result(conn)
        .map(RegistrationId)
}

/// Cancels a registration.
pub fn cancel_registration(conn: &mut DbConnection, id: RegistrationId) -> QueryResult<()> {
    diesel::update(event_registrations::table.find(id.0))
        .set((
            event_registrations::status.eq(RegistrationStatus::Cancelled.as_str()),
            event_registrations::attended.eq(false),
            event_registrations::updated_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// One page of an event's registrations in the order they came, and the total.
pub fn registrations(
    conn: &mut DbConnection,
    event: EventId,
    page: PageRequest,
) -> QueryResult<(Vec<Registration>, i64)> {
    let of_event = || event_registrations::table.filter(event_registrations::event_id.eq(event.0));
    let total = of_event().count().get_result(conn)?;
    let items = registrations_of(
        conn,
        of_event()
            .order(event_registrations::id)
            .limit(page.limit())
            .offset(page.offset())
            .into_boxed(),
    )?;
    Ok((items, total))
}

/// The ids of an event's confirmed registrations.
pub fn confirmed_ids(conn: &mut DbConnection, event: EventId) -> QueryResult<Vec<i64>> {
    event_registrations::table
        .filter(event_registrations::event_id.eq(event.0))
        .filter(event_registrations::status.eq(RegistrationStatus::Confirmed.as_str()))
        .select(event_registrations::id)
        .load(conn)
}

/// Marks the confirmed registrations `present` as attended and the others as absent.
pub fn set_attendance(conn: &mut DbConnection, event: EventId, present: &[i64]) -> QueryResult<()> {
    let now = super::now();
    let of_event = || event_registrations::table.filter(event_registrations::event_id.eq(event.0));
    diesel::update(of_event().filter(event_registrations::id.ne_all(present)))
        .set((
            event_registrations::attended.eq(false),
            event_registrations::updated_at.eq(now),
        ))
        .execute(conn)?;
    diesel::update(
        of_event()
            .filter(event_registrations::id.eq_any(present))
            .filter(event_registrations::status.eq(RegistrationStatus::Confirmed.as_str())),
    )
    .set((
        event_registrations::attended.eq(true),
        event_registrations::updated_at.eq(now),
    ))
    .execute(conn)
    .map(|_| ())
}

/// Whether a user has answered about an event.
pub fn answered(conn: &mut DbConnection, event: EventId, user: UserId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        event_feedback::table
            .filter(event_feedback::event_id.eq(event.0))
            .filter(event_feedback::user_id.eq(user.0)),
    ))
    .get_result(conn)
}

/// Records an attendee's answer.
pub fn insert_feedback(
    conn: &mut DbConnection,
    event: EventId,
    user: UserId,
    csat: u8,
    comment: &str,
) -> QueryResult<NaiveDateTime> {
    let now = super::now();
    diesel::insert_into(event_feedback::table)
        .values((
            event_feedback::event_id.eq(event.0),
            event_feedback::user_id.eq(user.0),
            event_feedback::csat.eq(i32::from(csat)),
            event_feedback::comment.eq(comment),
            event_feedback::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(now)
}

/// The events whose feedback `user` owes: asked for, attended, not answered; the
/// earliest asked first.
pub fn feedback_due(conn: &mut DbConnection, user: UserId) -> QueryResult<Vec<EventRow>> {
    let rows: Vec<EventRow> = events::table
        .inner_join(event_registrations::table)
        .filter(event_registrations::user_id.eq(user.0))
        .filter(event_registrations::attended.eq(true))
        .filter(event_registrations::status.eq(RegistrationStatus::Confirmed.as_str()))
        .filter(events::feedback_requested_at.is_not_null())
        .filter(events::status.eq(EventStatus::Published.as_str()))
        .order((events::ends_on, events::id))
        .select(EventRow::as_select())
        .load(conn)?;
    let answered: Vec<i64> = event_feedback::table
        .filter(event_feedback::user_id.eq(user.0))
        .select(event_feedback::event_id)
        .load(conn)?;
    Ok(rows.into_iter().filter(|row| !answered.contains(&row.id)).collect())
}

versioned!(events);
