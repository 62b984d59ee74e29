//! The `requests` and `request_events` tables.

use super::{Backend, PageRequest};
use crate::db::schema::{request_events, requests};
use crate::db::{DbConnection, read_model};
use crate::domain::text::{like_pattern, search_key};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use openapi::requests::{ConsumerRequest, RequestEvent, RequestStatus};
use openapi::resources::ResourceForm;
use openapi::{OrganisationId, RequestId, ResourceId, UserId};
use std::collections::HashMap;

/// A row of `requests`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = requests)]
pub struct RequestRow {
    /// Id.
    pub id: i64,
    /// Requesting organisation.
    pub requester_org_id: i64,
    /// Requesting person.
    pub requester_id: i64,
    /// Addressed school.
    pub target_org_id: Option<i64>,
    /// Requested or answering resource.
    pub resource_id: Option<i64>,
    /// Need.
    pub need: String,
    /// Audience.
    pub audience: String,
    /// Wished-for form.
    pub desired_form: Option<String>,
    /// Wished-for deadline.
    pub deadline: Option<NaiveDate>,
    /// Status.
    pub status: String,
    /// Decline reason or answer note.
    pub decision_note: Option<String>,
    /// Filing time.
    pub created_at: NaiveDateTime,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
}

impl RequestRow {
    /// The status.
    pub fn status(&self) -> RequestStatus {
        RequestStatus::parse(&self.status).unwrap_or(RequestStatus::Submitted)
    }
}

/// A new request, validated.
#[derive(Debug, Clone)]
pub struct NewRequestRow<'a> {
    /// Requesting organisation.
    pub requester_org_id: i64,
    /// Requesting person.
    pub requester_id: i64,
    /// Addressed school.
    pub target_org_id: Option<i64>,
    /// Requested resource.
    pub resource_id: Option<i64>,
    /// Need.
    pub need: &'a str,
    /// Audience.
    pub audience: &'a str,
    /// Wished-for form.
    pub desired_form: Option<ResourceForm>,
    /// Wished-for deadline.
    pub deadline: Option<NaiveDate>,
}

/// One request row.
pub fn find(conn: &mut DbConnection, id: RequestId) -> QueryResult<RequestRow> {
    let id = id.0;
    requests::table.find(id).select(RequestRow::as_select()).first(conn)
}

fn add_event(
    conn: &mut DbConnection,
    request_id: i64,
    status: RequestStatus,
    actor: i64,
    org: i64,
    note: Option<&str>,
) -> QueryResult<()> {
    diesel::insert_into(request_events::table)
        .values((
            request_events::request_id.eq(request_id),
            request_events::status.eq(status.as_str()),
            request_events::actor_id.eq(actor),
            request_events::org_id.eq(org),
            request_events::note.eq(note),
            request_events::at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Files a request and its first event.
pub fn insert(conn: &mut DbConnection, new: &NewRequestRow<'_>) -> QueryResult<i64> {
    let now = super::now();
    let id = diesel::insert_into(requests::table)
        .values((
            requests::requester_org_id.eq(new.requester_org_id),
            requests::requester_id.eq(new.requester_id),
            requests::target_org_id.eq(new.target_org_id),
            requests::resource_id.eq(new.resource_id),
            requests::need.eq(new.need),
            requests::audience.eq(new.audience),
            requests::desired_form.eq(new.desired_form.map(ResourceForm::as_str)),
            requests::deadline.eq(new.deadline),
            requests::status.eq(RequestStatus::Submitted.as_str()),
            requests::search.eq(search_key(&[new.need, new.audience])),
            requests::created_at.eq(now),
            requests::updated_at.eq(now),
        ))
        .returning(requests::id)
        .get_result(conn)?;
    add_event(
        conn,
        id,
        RequestStatus::Submitted,
        new.requester_id,
        new.requester_org_id,
        None,
    )?;
    read_model::on_request_filed(conn, new.target_org_id)?;
    Ok(id)
}

/// Records a decision on a request read as `before` (in the same transaction): the new
/// status, the deciding school as target, the resource (kept when none is named) and the
/// note. The update only applies to a still-submitted request, so two schools taking the
/// same open request cannot both win; returns whether it applied. A request accepted or
/// answered is taken with its resource, which is the deciding school's.
pub fn decide(
    conn: &mut DbConnection,
    before: &RequestRow,
    status: RequestStatus,
    deciding_org: OrganisationId,
    resource_id: Option<ResourceId>,
    note: Option<&str>,
    actor: UserId,
) -> QueryResult<bool> {
    let id = before.id;
    let deciding_org = deciding_org.0;
    let resource_id = resource_id.map(i64::from);
    let changes = diesel::update(
        requests::table
            .find(id)
            .filter(requests::status.eq(RequestStatus::Submitted.as_str())),
    )
    .set((
        requests::status.eq(status.as_str()),
        requests::target_org_id.eq(deciding_org),
        resource_id.map(|resource| requests::resource_id.eq(resource)),
        requests::decision_note.eq(note),
        requests::updated_at.eq(super::now()),
    ))
    .execute(conn)?;
    if changes != 1 {
        return Ok(false);
    }
    add_event(conn, id, status, actor.0, deciding_org, note)?;
    let taken = matches!(status, RequestStatus::Accepted | RequestStatus::Answered)
        .then(|| resource_id.or(before.resource_id))
        .flatten();
    read_model::on_request_decided(conn, before.target_org_id, deciding_org, taken)?;
    Ok(true)
}

/// How many requests were accepted or answered with a resource: the request step's evidence.
pub fn count_taken_for(conn: &mut DbConnection, resource_id: ResourceId) -> QueryResult<i64> {
    requests::table
        .filter(requests::resource_id.eq(resource_id.0))
        .filter(requests::status.eq_any([RequestStatus::Accepted.as_str(), RequestStatus::Answered.as_str()]))
        .count()
        .get_result(conn)
}

/// A row of `request_events`: request, status, actor, organisation, note, time.
type EventRow = (i64, String, Option<i64>, Option<i64>, Option<String>, NaiveDateTime);

/// Completes rows with names, resource titles and histories, in four queries.
pub fn complete(conn: &mut DbConnection, rows: Vec<RequestRow>) -> QueryResult<Vec<ConsumerRequest>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let event_rows: Vec<EventRow> = request_events::table
        .filter(request_events::request_id.eq_any(&ids))
        .order(request_events::id)
        .select((
            request_events::request_id,
            request_events::status,
            request_events::actor_id,
            request_events::org_id,
            request_events::note,
            request_events::at,
        ))
        .load(conn)?;
    let orgs = rows
        .iter()
        .flat_map(|row| std::iter::once(row.requester_org_id).chain(row.target_org_id))
        .chain(event_rows.iter().filter_map(|event| event.3));
    let titles = super::resource::titles(conn, rows.iter().filter_map(|row| row.resource_id))?;
    let names = super::organisation::short_names(conn, orgs.collect::<Vec<_>>())?;
    let mut events: HashMap<i64, Vec<RequestEvent>> = HashMap::new();
    for (request_id, status, actor_id, org_id, note, at) in event_rows {
        events.entry(request_id).or_default().push(RequestEvent {
            status: RequestStatus::parse(&status).unwrap_or(RequestStatus::Submitted),
            actor_id: actor_id.map(UserId),
            org_short_name: org_id.and_then(|org| names.get(&org).cloned()),
            note,
            at: at.and_utc(),
        });
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let status = row.status();
            ConsumerRequest {
                id: row.id,
                requester_org_id: OrganisationId(row.requester_org_id),
                requester_org_short_name: names.get(&row.requester_org_id).cloned().unwrap_or_default(),
                requester_id: UserId(row.requester_id),
                target_org_id: row.target_org_id.map(OrganisationId),
                target_org_short_name: row.target_org_id.and_then(|org| names.get(&org).cloned()),
                resource_id: row.resource_id.map(ResourceId),
                resource_title: row.resource_id.and_then(|resource| titles.get(&resource).cloned()),
                need: row.need,
                audience: row.audience,
                desired_form: row.desired_form.as_deref().and_then(ResourceForm::parse),
                deadline: row.deadline,
                status,
                decision_note: row.decision_note,
                events: events.remove(&row.id).unwrap_or_default(),
                created_at: row.created_at.and_utc(),
                version: row.version,
            }
        })
        .collect())
}

/// The API representation of one request.
pub fn load(conn: &mut DbConnection, id: RequestId) -> QueryResult<ConsumerRequest> {
    let row = find(conn, id)?;
    complete(conn, vec![row])?.pop().ok_or(diesel::result::Error::NotFound)
}

/// Whose requests a list shows.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    /// Every request (the committee).
    All,
    /// Addressed to this school, or open to the catalogue and still submitted.
    Inbox(i64),
    /// Filed by this organisation.
    Outbox(i64),
}

fn filtered<'a>(scope: Scope, status: Option<RequestStatus>, q: Option<&str>) -> requests::BoxedQuery<'a, Backend> {
    let mut query = requests::table.into_boxed();
    match scope {
        Scope::All => {}
        Scope::Inbox(org) => {
            query = query.filter(
                requests::target_org_id.eq(org).or(requests::target_org_id
                    .is_null()
                    .and(requests::status.eq(RequestStatus::Submitted.as_str()))
                    .and(requests::requester_org_id.ne(org))),
            );
        }
        Scope::Outbox(org) => query = query.filter(requests::requester_org_id.eq(org)),
    }
    if let Some(status) = status {
        query = query.filter(requests::status.eq(status.as_str()));
    }
    if let Some(pattern) = q.and_then(like_pattern) {
        query = query.filter(requests::search.like(super::planned_with(pattern)).escape('\\'));
    }
    query
}

/// One page of requests, newest first, and the total.
pub fn list(
    conn: &mut DbConnection,
    scope: Scope,
    status: Option<RequestStatus>,
    q: Option<&str>,
    page: PageRequest,
) -> QueryResult<(Vec<ConsumerRequest>, i64)> {
    let total = filtered(scope, status, q).count().get_result(conn)?;
    let rows = filtered(scope, status, q)
        .order(requests::id.desc())
        .limit(page.limit())
        .offset(page.offset())
        .select(RequestRow::as_select())
        .load(conn)?;
    Ok((complete(conn, rows)?, total))
}

versioned!(requests);
