//! The `enrolments` and `cohort_attendance` tables.

use super::PageRequest;
use crate::db::DbConnection;
use crate::db::schema::{
    certificates, cohort_attendance, cohort_sessions, cohorts, enrolments, organisations, resources, users,
};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use openapi::cohorts::{Enrolment, EnrolmentStatus, TeacherTraining};
use openapi::{CohortId, CohortSessionId, EnrolmentId, OrganisationId, ResourceId, UserId};
use std::collections::HashMap;

/// A row of `enrolments`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = enrolments)]
pub struct EnrolmentRow {
    /// Id.
    pub id: i64,
    /// Cohort.
    pub cohort_id: i64,
    /// The host school.
    pub host_org_id: i64,
    /// The teacher.
    pub user_id: i64,
    /// The teacher's school.
    pub user_org_id: i64,
    /// Status.
    pub status: String,
    /// Who enrolled them.
    pub enrolled_by: i64,
    /// When.
    pub enrolled_at: NaiveDateTime,
    /// The waiting list's order.
    pub queued_at: NaiveDateTime,
    /// Day of completion.
    pub completed_on: Option<NaiveDate>,
    /// Hours certified.
    pub hours: Option<i32>,
}

impl EnrolmentRow {
    /// The status.
    pub fn status(&self) -> EnrolmentStatus {
        EnrolmentStatus::parse(&self.status).unwrap_or(EnrolmentStatus::Withdrawn)
    }

    /// The teacher.
    pub fn user(&self) -> UserId {
        UserId(self.user_id)
    }

    /// The teacher's school.
    pub fn user_org(&self) -> OrganisationId {
        OrganisationId(self.user_org_id)
    }

    /// The host school.
    pub fn host(&self) -> OrganisationId {
        OrganisationId(self.host_org_id)
    }
}

/// Whose enrolments of a cohort a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every teacher's (the host, the committee).
    All,
    /// The teachers of one school (its administration).
    School(OrganisationId),
    /// One teacher's own.
    Teacher(UserId),
}

/// One enrolment row.
pub fn find(conn: &mut DbConnection, id: EnrolmentId) -> QueryResult<EnrolmentRow> {
    enrolments::table
        .find(id.0)
        .select(EnrolmentRow::as_select())
        .first(conn)
}

/// A teacher's enrolment in a cohort, in any status.
pub fn of_teacher(conn: &mut DbConnection, cohort: CohortId, user: UserId) -> QueryResult<Option<EnrolmentRow>> {
    enrolments::table
        .filter(enrolments::cohort_id.eq(cohort.0))
        .filter(enrolments::user_id.eq(user.0))
        .select(EnrolmentRow::as_select())
        .first(conn)
        .optional()
}

/// Who is enrolled, in a cohort of school `host`.
#[derive(Debug, Clone, Copy)]
pub struct NewEnrolment {
    /// The cohort.
    pub cohort: CohortId,
    /// Its host school.
    pub host: OrganisationId,
    /// The teacher.
    pub user: UserId,
    /// The teacher's school.
    pub user_org: OrganisationId,
    /// Enrolled or waiting.
    pub status: EnrolmentStatus,
    /// Who enrols them.
    pub by: UserId,
}

/// Enrols a teacher: a new row, or their withdrawn row again (`existing`), at the end of
/// the waiting list if they wait.
pub fn enrol(conn: &mut DbConnection, new: &NewEnrolment, existing: Option<EnrolmentId>) -> QueryResult<EnrolmentId> {
    let now = super::now();
    match existing {
        Some(id) => diesel::update(enrolments::table.find(id.0))
            .set((
                enrolments::status.eq(new.status.as_str()),
                enrolments::user_org_id.eq(new.user_org.0),
                enrolments::enrolled_by.eq(new.by.0),
                enrolments::enrolled_at.eq(now),
                enrolments::queued_at.eq(now),
                enrolments::updated_at.eq(now),
            ))
            .execute(conn)
            .map(|_| id),
        None => diesel::insert_into(enrolments::table)
            .values((
                enrolments::cohort_id.eq(new.cohort.0),
                enrolments::host_org_id.eq(new.host.0),
                enrolments::user_id.eq(new.user.0),
                enrolments::user_org_id.eq(new.user_org.0),
                enrolments::status.eq(new.status.as_str()),
                enrolments::enrolled_by.eq(new.by.0),
                enrolments::enrolled_at.eq(now),
                enrolments::queued_at.eq(now),
                enrolments::updated_at.eq(now),
            ))
            .returning(enrolments::id)
            .get_result(conn)
            .map(EnrolmentId),
    }
}

/// Moves an enrolment from status `from` to `to`; whether it was still at `from`.
pub fn move_status(
    conn: &mut DbConnection,
    id: EnrolmentId,
    from: EnrolmentStatus,
    to: EnrolmentStatus,
) -> QueryResult<bool> {
    diesel::update(
        enrolments::table
            .find(id.0)
            .filter(enrolments::status.eq(from.as_str())),
    )
    .set((
        enrolments::status.eq(to.as_str()),
        enrolments::updated_at.eq(super::now()),
    ))
    .execute(conn)
    .map(|changed| changed == 1)
}

/// Completes an enrolled teacher on `on` with the hours certified; whether it was still
/// enrolled.
pub fn complete(conn: &mut DbConnection, id: EnrolmentId, on: NaiveDate, hours: i32, by: UserId) -> QueryResult<bool> {
    diesel::update(
        enrolments::table
            .find(id.0)
            .filter(enrolments::status.eq(EnrolmentStatus::Enrolled.as_str())),
    )
    .set((
        enrolments::status.eq(EnrolmentStatus::Completed.as_str()),
        enrolments::completed_on.eq(on),
        enrolments::completed_by.eq(by.0),
        enrolments::hours.eq(hours),
        enrolments::updated_at.eq(super::now()),
    ))
    .execute(conn)
    .map(|changed| changed == 1)
}

/// The waiting list of a cohort, first first.
pub fn waiting(conn: &mut DbConnection, cohort: CohortId) -> QueryResult<Vec<EnrolmentId>> {
    enrolments::table
        .filter(enrolments::cohort_id.eq(cohort.0))
        .filter(enrolments::status.eq(EnrolmentStatus::Waiting.as_str()))
        .order((enrolments::queued_at, enrolments::id))
        .select(enrolments::id)
        .load::<i64>(conn)
        .map(|ids| ids.into_iter().map(EnrolmentId).collect())
}

/// The enrolments of a cohort that hold a place (enrolled or completed).
pub fn placed(conn: &mut DbConnection, cohort: CohortId) -> QueryResult<Vec<EnrolmentId>> {
    enrolments::table
        .filter(enrolments::cohort_id.eq(cohort.0))
        .filter(enrolments::status.eq_any([EnrolmentStatus::Enrolled.as_str(), EnrolmentStatus::Completed.as_str()]))
        .select(enrolments::id)
        .load::<i64>(conn)
        .map(|ids| ids.into_iter().map(EnrolmentId).collect())
}

/// Replaces the marks of a session with `present`.
pub fn mark(conn: &mut DbConnection, session: CohortSessionId, present: &[EnrolmentId], by: UserId) -> QueryResult<()> {
    diesel::delete(cohort_attendance::table.filter(cohort_attendance::session_id.eq(session.0))).execute(conn)?;
    let now = super::now();
    for enrolment in present {
        diesel::insert_into(cohort_attendance::table)
            .values((
                cohort_attendance::session_id.eq(session.0),
                cohort_attendance::enrolment_id.eq(enrolment.0),
                cohort_attendance::marked_by.eq(by.0),
                cohort_attendance::marked_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The hours of the sessions an enrolment is marked present at.
pub fn attended_hours(conn: &mut DbConnection, enrolment: EnrolmentId) -> QueryResult<i32> {
    let hours: Option<i64> = cohort_attendance::table
        .inner_join(cohort_sessions::table)
        .filter(cohort_attendance::enrolment_id.eq(enrolment.0))
        .select(diesel::dsl::sum(cohort_sessions::hours))
        .first(conn)?;
    Ok(i32::try_from(hours.unwrap_or_default()).unwrap_or(i32::MAX))
}

/// Who is marked present at a session, by enrolment id.
pub fn present_at(conn: &mut DbConnection, session: CohortSessionId) -> QueryResult<Vec<EnrolmentId>> {
    cohort_attendance::table
        .filter(cohort_attendance::session_id.eq(session.0))
        .order(cohort_attendance::enrolment_id)
        .select(cohort_attendance::enrolment_id)
        .load::<i64>(conn)
        .map(|ids| ids.into_iter().map(EnrolmentId).collect())
}

/// The cohort-side names of an enrolment.
type CohortNames = (i64, String, i64, String, NaiveDate, NaiveDate);

/// The API representation of rows: five more queries, whatever the number of rows.
pub fn represent_all(conn: &mut DbConnection, rows: Vec<EnrolmentRow>) -> QueryResult<Vec<Enrolment>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let cohort_ids: Vec<i64> = rows.iter().map(|row| row.cohort_id).collect();
    let user_ids: Vec<i64> = rows.iter().map(|row| row.user_id).collect();
    let org_ids: Vec<i64> = rows.iter().map(|row| row.user_org_id).collect();
    let cohort_rows: Vec<CohortNames> = cohorts::table
        .inner_join(resources::table)
        .filter(cohorts::id.eq_any(&cohort_ids))
        .select((
            cohorts::id,
            cohorts::title,
            resources::id,
            resources::title,
            cohorts::starts_on,
            cohorts::ends_on,
        ))
        .load(conn)?;
    let cohort_names: HashMap<i64, CohortNames> = cohort_rows.into_iter().map(|c| (c.0, c)).collect();
    let names: HashMap<i64, String> = users::table
        .filter(users::id.eq_any(&user_ids))
        .select((users::id, users::full_name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let schools: HashMap<i64, String> = organisations::table
        .filter(organisations::id.eq_any(&org_ids))
        .select((organisations::id, organisations::short_name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let marks: Vec<(i64, i64, i32)> = cohort_attendance::table
        .inner_join(cohort_sessions::table)
        .filter(cohort_attendance::enrolment_id.eq_any(&ids))
        .order((
            cohort_attendance::enrolment_id,
            cohort_sessions::held_on,
            cohort_sessions::id,
        ))
        .select((
            cohort_attendance::enrolment_id,
            cohort_sessions::id,
            cohort_sessions::hours,
        ))
        .load(conn)?;
    let mut attended: HashMap<i64, Vec<(i64, i32)>> = HashMap::new();
    for (enrolment, session, hours) in marks {
        attended.entry(enrolment).or_default().push((session, hours));
    }
    let numbers: HashMap<i64, String> = certificates::table
        .filter(certificates::enrolment_id.eq_any(&ids))
        .select((certificates::enrolment_id, certificates::number))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let mut queues: HashMap<i64, Vec<EnrolmentId>> = HashMap::new();
    for row in &rows {
        if row.status() == EnrolmentStatus::Waiting && !queues.contains_key(&row.cohort_id) {
            queues.insert(row.cohort_id, waiting(conn, CohortId(row.cohort_id))?);
        }
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let (_, cohort_title, resource, resource_title, starts_on, ends_on) =
                cohort_names.get(&row.cohort_id).cloned().unwrap_or_default();
            let marks = attended.remove(&row.id).unwrap_or_default();
            let position = queues.get(&row.cohort_id).and_then(|queue| {
                queue
                    .iter()
                    .position(|id| id.0 == row.id)
                    .and_then(|index| i64::try_from(index + 1).ok())
            });
            Enrolment {
                id: EnrolmentId(row.id),
                cohort_id: CohortId(row.cohort_id),
                cohort_title,
                resource_id: ResourceId(resource),
                resource_title,
                host_org_id: OrganisationId(row.host_org_id),
                starts_on,
                ends_on,
                user_id: UserId(row.user_id),
                full_name: names.get(&row.user_id).cloned().unwrap_or_default(),
                org_id: OrganisationId(row.user_org_id),
                org_short_name: schools.get(&row.user_org_id).cloned().unwrap_or_default(),
                status: row.status(),
                position,
                enrolled_by: UserId(row.enrolled_by),
                enrolled_at: row.enrolled_at.and_utc(),
                attended: marks.iter().map(|(id, _)| CohortSessionId(*id)).collect(),
                attended_hours: marks.iter().map(|(_, hours)| hours).sum(),
                hours: row.hours,
                completed_on: row.completed_on,
                certificate_number: numbers.get(&row.id).cloned(),
            }
        })
        .collect())
}

/// The API representation of one enrolment.
pub fn load(conn: &mut DbConnection, id: EnrolmentId) -> QueryResult<Enrolment> {
    let row = find(conn, id)?;
    represent_all(conn, vec![row])?
        .pop()
        .ok_or(diesel::result::Error::NotFound)
}

/// One page of a cohort's enrolments in `scope`, in the order they came, and the total.
pub fn list(
    conn: &mut DbConnection,
    cohort: CohortId,
    scope: Scope,
    page: PageRequest,
) -> QueryResult<(Vec<Enrolment>, i64)> {
    let scoped = || {
        let query = enrolments::table
            .filter(enrolments::cohort_id.eq(cohort.0))
            .into_boxed();
        match scope {
            Scope::All => query,
            Scope::School(org) => query.filter(enrolments::user_org_id.eq(org.0)),
            Scope::Teacher(user) => query.filter(enrolments::user_id.eq(user.0)),
        }
    };
    let total = scoped().count().get_result(conn)?;
    let rows: Vec<EnrolmentRow> = scoped()
        .order(enrolments::id)
        .limit(page.limit())
        .offset(page.offset())
        .select(EnrolmentRow::as_select())
        .load(conn)?;
    Ok((represent_all(conn, rows)?, total))
}

/// One page of a teacher's enrolments, the latest first, and the total.
pub fn of_user(conn: &mut DbConnection, user: UserId, page: PageRequest) -> QueryResult<(Vec<Enrolment>, i64)> {
    let total = enrolments::table
        .filter(enrolments::user_id.eq(user.0))
        .count()
        .get_result(conn)?;
    let rows: Vec<EnrolmentRow> = enrolments::table
        .filter(enrolments::user_id.eq(user.0))
        .order(enrolments::id.desc())
        .limit(page.limit())
        .offset(page.offset())
        .select(EnrolmentRow::as_select())
        .load(conn)?;
    Ok((represent_all(conn, rows)?, total))
}

/// A teacher's completed programmes and their hours.
pub fn completed_of(conn: &mut DbConnection, user: UserId) -> QueryResult<(i64, i64)> {
    let hours: Vec<Option<i32>> = enrolments::table
        .filter(enrolments::user_id.eq(user.0))
        .filter(enrolments::status.eq(EnrolmentStatus::Completed.as_str()))
        .select(enrolments::hours)
        .load(conn)?;
    let total: i64 = hours.iter().map(|h| i64::from(h.unwrap_or_default())).sum();
    Ok((total, i64::try_from(hours.len()).unwrap_or(i64::MAX)))
}

/// One page of a school's teachers who ever enrolled, the most hours first, and the
/// total: the database sums the enrolments per teacher and status, and names the
/// teachers; they (a school's staff, hundreds at most) are ranked and paged here.
pub fn of_school(
    conn: &mut DbConnection,
    org: OrganisationId,
    page: PageRequest,
) -> QueryResult<(Vec<TeacherTraining>, i64)> {
    use diesel::dsl::{count_star, sum};
    let sums: Vec<(i64, String, i64, Option<i64>)> = enrolments::table
        .filter(enrolments::user_org_id.eq(org.0))
        .group_by((enrolments::user_id, enrolments::status))
        .select((
            enrolments::user_id,
            enrolments::status,
            count_star(),
            sum(enrolments::hours),
        ))
        .load(conn)?;
    let ids: Vec<i64> = sums.iter().map(|row| row.0).collect();
    let names: HashMap<i64, String> = users::table
        .filter(users::id.eq_any(&ids))
        .select((users::id, users::full_name))
        .load(conn)?
        .into_iter()
        .collect();
    let mut teachers: HashMap<i64, TeacherTraining> = HashMap::new();
    for (user, status, count, hours) in sums {
        let teacher = teachers.entry(user).or_insert_with(|| TeacherTraining {
            user_id: UserId(user),
            full_name: names.get(&user).cloned().unwrap_or_default(),
            hours: 0,
            completed: 0,
            in_progress: 0,
        });
        match EnrolmentStatus::parse(&status) {
            Some(EnrolmentStatus::Completed) => {
                teacher.completed += count;
                teacher.hours += hours.unwrap_or_default();
            }
            Some(EnrolmentStatus::Enrolled | EnrolmentStatus::Waiting) => teacher.in_progress += count,
            _ => {}
        }
    }
    let mut teachers: Vec<TeacherTraining> = teachers.into_values().collect();
    teachers.sort_by(|a, b| {
        b.hours
            .cmp(&a.hours)
            .then_with(|| a.full_name.cmp(&b.full_name))
            .then(a.user_id.cmp(&b.user_id))
    });
    let total = i64::try_from(teachers.len()).unwrap_or(i64::MAX);
    let page_rows = teachers
        .into_iter()
        .skip(usize::try_from(page.offset()).unwrap_or(usize::MAX))
        .take(usize::try_from(page.limit()).unwrap_or_default())
        .collect();
    Ok((page_rows, total))
}
