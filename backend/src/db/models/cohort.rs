//! The `cohorts` and `cohort_sessions` tables.

use super::PageRequest;
use crate::db::DbConnection;
use crate::db::schema::{cohort_attendance, cohort_sessions, cohorts, enrolments, organisations, resources};
use crate::domain::certificates;
use crate::domain::cohorts::{self as rules, CohortFields, SessionFields};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use openapi::cohorts::{Cohort, CohortSession, EnrolmentStatus};
use openapi::resources::ProgrammeFormat;
use openapi::{CohortId, CohortSessionId, OrganisationId, ResourceId, UserId};
use std::collections::HashMap;

/// A row of `cohorts`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = cohorts)]
pub struct CohortRow {
    /// Id.
    pub id: i64,
    /// The host school.
    pub org_id: i64,
    /// The programme.
    pub resource_id: i64,
    /// Title.
    pub title: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// Format.
    pub format: String,
    /// Planned hours.
    pub hours: i32,
    /// Places.
    pub capacity: i32,
    /// Place.
    pub place: String,
    /// Online link.
    pub online_link: String,
    /// Trainers, a JSON array.
    pub trainers: String,
    /// Creation.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
    /// The share of the hours (per cent) a teacher attends to complete.
    pub attendance_threshold: i32,
}

impl CohortRow {
    /// The host school.
    pub fn org(&self) -> OrganisationId {
        OrganisationId(self.org_id)
    }
}

/// One cohort row.
pub fn find(conn: &mut DbConnection, id: CohortId) -> QueryResult<CohortRow> {
    cohorts::table.find(id.0).select(CohortRow::as_select()).first(conn)
}

/// The columns a cohort's fields set, on insert and on update alike.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = cohorts)]
struct Values<'a> {
    title: &'a str,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    format: &'a str,
    hours: i32,
    capacity: i32,
    attendance_threshold: i32,
    place: &'a str,
    online_link: &'a str,
    trainers: String,
    updated_at: NaiveDateTime,
}

impl<'a> Values<'a> {
    fn of(fields: &'a CohortFields) -> Self {
        Self {
            title: &fields.title,
            starts_on: fields.starts_on,
            ends_on: fields.ends_on,
            format: fields.format.as_str(),
            hours: fields.hours,
            capacity: fields.capacity,
            attendance_threshold: fields.attendance_threshold,
            place: &fields.place,
            online_link: &fields.online_link,
            trainers: serde_json::to_string(&fields.trainers).unwrap_or_else(|_| "[]".to_owned()),
            updated_at: super::now(),
        }
    }
}

/// Creates a cohort of programme `resource` of school `org` with its sessions.
pub fn insert(
    conn: &mut DbConnection,
    org: OrganisationId,
    resource: ResourceId,
    fields: &CohortFields,
    actor: UserId,
) -> QueryResult<CohortId> {
    let values = Values::of(fields);
    let id = diesel::insert_into(cohorts::table)
        .values((
            cohorts::org_id.eq(org.0),
            cohorts::resource_id.eq(resource.0),
            cohorts::created_by.eq(actor.0),
            cohorts::created_at.eq(values.updated_at),
            values,
        ))
        .returning(cohorts::id)
        .get_result(conn)
        .map(CohortId)?;
    for session in &fields.sessions {
        insert_session(conn, id, session)?;
    }
    Ok(id)
}

fn insert_session(conn: &mut DbConnection, cohort: CohortId, session: &SessionFields) -> QueryResult<()> {
    diesel::insert_into(cohort_sessions::table)
        .values((
            cohort_sessions::cohort_id.eq(cohort.0),
            cohort_sessions::held_on.eq(session.held_on),
            cohort_sessions::topic.eq(&session.topic),
            cohort_sessions::hours.eq(session.hours),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Rewrites a cohort: its fields, the sessions named by id changed, new ones added, the
/// others removed with their attendance.
pub fn update(conn: &mut DbConnection, id: CohortId, fields: &CohortFields) -> QueryResult<()> {
    diesel::update(cohorts::table.find(id.0))
        .set(Values::of(fields))
        .execute(conn)?;
    let kept: Vec<i64> = fields.sessions.iter().filter_map(|s| s.id.map(|id| id.0)).collect();
    let gone: Vec<i64> = cohort_sessions::table
        .filter(cohort_sessions::cohort_id.eq(id.0))
        .filter(cohort_sessions::id.ne_all(&kept))
        .select(cohort_sessions::id)
        .load(conn)?;
    if !gone.is_empty() {
        diesel::delete(cohort_attendance::table.filter(cohort_attendance::session_id.eq_any(&gone))).execute(conn)?;
        diesel::delete(cohort_sessions::table.filter(cohort_sessions::id.eq_any(&gone))).execute(conn)?;
    }
    for session in &fields.sessions {
        match session.id {
            Some(existing) => {
                diesel::update(cohort_sessions::table.find(existing.0))
                    .set((
                        cohort_sessions::held_on.eq(session.held_on),
                        cohort_sessions::topic.eq(&session.topic),
                        cohort_sessions::hours.eq(session.hours),
                    ))
                    .execute(conn)?;
            }
            None => insert_session(conn, id, session)?,
        }
    }
    Ok(())
}

/// The ids of a cohort's sessions.
pub fn session_ids(conn: &mut DbConnection, id: CohortId) -> QueryResult<Vec<CohortSessionId>> {
    cohort_sessions::table
        .filter(cohort_sessions::cohort_id.eq(id.0))
        .select(cohort_sessions::id)
        .load::<i64>(conn)
        .map(|ids| ids.into_iter().map(CohortSessionId).collect())
}

/// The cohort of a session.
pub fn of_session(conn: &mut DbConnection, session: CohortSessionId) -> QueryResult<CohortId> {
    cohort_sessions::table
        .find(session.0)
        .select(cohort_sessions::cohort_id)
        .first(conn)
        .map(CohortId)
}

/// The sessions of cohorts, by cohort, by day.
pub fn sessions_of(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<HashMap<i64, Vec<CohortSession>>> {
    let rows: Vec<(i64, i64, NaiveDate, String, i32)> = cohort_sessions::table
        .filter(cohort_sessions::cohort_id.eq_any(ids))
        .order((
            cohort_sessions::cohort_id,
            cohort_sessions::held_on,
            cohort_sessions::id,
        ))
        .select((
            cohort_sessions::cohort_id,
            cohort_sessions::id,
            cohort_sessions::held_on,
            cohort_sessions::topic,
            cohort_sessions::hours,
        ))
        .load(conn)?;
    let mut sessions: HashMap<i64, Vec<CohortSession>> = HashMap::new();
    for (cohort, id, held_on, topic, hours) in rows {
        sessions.entry(cohort).or_default().push(CohortSession {
            id: CohortSessionId(id),
            held_on,
            topic,
            hours,
        });
    }
    Ok(sessions)
}

/// The places taken in a cohort: its enrolled and completed teachers.
pub fn taken(conn: &mut DbConnection, id: CohortId) -> QueryResult<i64> {
    enrolments::table
        .filter(enrolments::cohort_id.eq(id.0))
        .filter(enrolments::status.eq_any([EnrolmentStatus::Enrolled.as_str(), EnrolmentStatus::Completed.as_str()]))
        .count()
        .get_result(conn)
}

/// The API representation of rows on `today`: four more queries, whatever the number of
/// rows.
pub fn complete(conn: &mut DbConnection, rows: Vec<CohortRow>, today: NaiveDate) -> QueryResult<Vec<Cohort>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let mut sessions = sessions_of(conn, &ids)?;
    let counted: Vec<(i64, String, i64)> = enrolments::table
        .filter(enrolments::cohort_id.eq_any(&ids))
        .group_by((enrolments::cohort_id, enrolments::status))
        .select((enrolments::cohort_id, enrolments::status, diesel::dsl::count_star()))
        .load(conn)?;
    let mut counts: HashMap<(i64, String), i64> = HashMap::new();
    for (cohort, status, count) in counted {
        counts.insert((cohort, status), count);
    }
    let org_ids: Vec<i64> = rows.iter().map(|row| row.org_id).collect();
    let orgs: HashMap<i64, String> = organisations::table
        .filter(organisations::id.eq_any(&org_ids))
        .select((organisations::id, organisations::short_name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let resource_ids: Vec<i64> = rows.iter().map(|row| row.resource_id).collect();
    let titles: HashMap<i64, String> = resources::table
        .filter(resources::id.eq_any(&resource_ids))
        .select((resources::id, resources::title))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| {
            let sessions = sessions.remove(&row.id).unwrap_or_default();
            let count = |status: EnrolmentStatus| {
                counts
                    .get(&(row.id, status.as_str().to_owned()))
                    .copied()
                    .unwrap_or_default()
            };
            let completed = count(EnrolmentStatus::Completed);
            let session_hours: Vec<i32> = sessions.iter().map(|s| s.hours).collect();
            let hours = rules::hours(row.hours, &session_hours);
            Cohort {
                id: CohortId(row.id),
                org_id: OrganisationId(row.org_id),
                org_short_name: orgs.get(&row.org_id).cloned().unwrap_or_default(),
                resource_id: ResourceId(row.resource_id),
                resource_title: titles.get(&row.resource_id).cloned().unwrap_or_default(),
                title: row.title,
                status: rules::status(row.starts_on, row.ends_on, today),
                starts_on: row.starts_on,
                ends_on: row.ends_on,
                format: ProgrammeFormat::parse(&row.format).unwrap_or(ProgrammeFormat::InPerson),
                hours,
                capacity: row.capacity,
                attendance_threshold: row.attendance_threshold,
                required_hours: certificates::required_hours(hours, row.attendance_threshold),
                place: row.place,
                online_link: row.online_link,
                trainers: serde_json::from_str(&row.trainers).unwrap_or_default(),
                sessions,
                enrolled: count(EnrolmentStatus::Enrolled) + completed,
                waiting: count(EnrolmentStatus::Waiting),
                completed,
                created_at: row.created_at.and_utc(),
                updated_at: row.updated_at.and_utc(),
                version: row.version,
            }
        })
        .collect())
}

/// The API representation of one cohort on `today`.
pub fn load(conn: &mut DbConnection, id: CohortId, today: NaiveDate) -> QueryResult<Cohort> {
    let row = find(conn, id)?;
    complete(conn, vec![row], today)?
        .pop()
        .ok_or(diesel::result::Error::NotFound)
}

/// One page of a programme's cohorts, the latest start first, and the total.
pub fn list(
    conn: &mut DbConnection,
    resource: ResourceId,
    page: PageRequest,
    today: NaiveDate,
) -> QueryResult<(Vec<Cohort>, i64)> {
    let of_resource = || cohorts::table.filter(cohorts::resource_id.eq(resource.0));
    let total = of_resource().count().get_result(conn)?;
    let rows: Vec<CohortRow> = of_resource()
        .order((cohorts::starts_on.desc(), cohorts::id.desc()))
        .limit(page.limit())
        .offset(page.offset())
        .select(CohortRow::as_select())
        .load(conn)?;
    Ok((complete(conn, rows, today)?, total))
}

versioned!(cohorts);
