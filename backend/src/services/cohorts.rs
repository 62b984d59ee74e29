//! Cohorts (потоки) of a training programme (R4): created and changed by the programme's
//! school staff who may change the resource, read by whoever reads it; attendance of
//! their sessions is marked by the same staff.

use super::access::{self, Access};
use super::concurrency::{Expected, claim};
use super::{Caller, Outcome, write};
use crate::clock::today;
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::cohort as rows;
use crate::db::models::enrolment;
use crate::db::models::resource::ResourceRow;
use crate::db::models::{Locked, PageRequest, lock};
use crate::domain::certificates;
use crate::domain::cohorts::{self as rules, CohortFields, Programme};
use crate::domain::error::DomainError;
use crate::domain::text::field_error;
use openapi::FieldErrorCode::NotAllowed;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::cohorts::{Cohort, CohortInput, SessionAttendance, SessionAttendanceInput};
use openapi::resources::{ProgrammeFormat, ResourceForm};
use openapi::{CohortId, CohortSessionId, OrganisationId, Page, PageQuery, ResourceId};

/// One page of a programme's cohorts, the latest start first.
pub fn list(conn: &mut DbConnection, caller: &Caller, resource: ResourceId, page: &PageQuery) -> Outcome<Page<Cohort>> {
    let page = PageRequest::parse(page)?;
    access::resource(conn, &caller.actor, resource, Access::Read)?;
    let (items, total) = rows::list(conn, resource, page, today())?;
    Ok(page.wrap(items, total))
}

/// One cohort.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: CohortId) -> Outcome<Cohort> {
    access::cohort(conn, &caller.actor, id, Access::Read)?;
    Ok(rows::load(conn, id, today())?)
}

/// Creates a cohort of a training programme (its school's administration, council or
/// teachers); a resource of another form is refused at `resource_id`.
pub fn create(conn: &mut DbConnection, caller: &Caller, resource: ResourceId, input: &CohortInput) -> Outcome<Cohort> {
    write(conn, |conn| {
        let resource = access::resource(conn, &caller.actor, resource, Access::Edit)?;
        let fields = resolve(conn, &resource, input, None)?;
        let org = OrganisationId(resource.org_id);
        let id = rows::insert(conn, org, ResourceId(resource.id), &fields, caller.actor.user_id)?;
        let created = rows::load(conn, id, today())?;
        Event::new(AuditAction::Create, AuditEntity::Cohort, id)
            .by(caller.actor.user_id)
            .of(org)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// Rewrites a cohort made on the `expected` version. Its capacity may not fall below the
/// places taken; a larger one gives places to the waiting list in its order.
pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: CohortId,
    expected: Expected,
    input: &CohortInput,
) -> Outcome<Cohort> {
    write(conn, |conn| {
        let (row, resource) = access::cohort(conn, &caller.actor, id, Access::Edit)?;
        claim(expected, row.version, |version| rows::claim(conn, id.0, version))?;
        let fields = resolve(conn, &resource, input, Some(id))?;
        rules::capacity_holds(fields.capacity, rows::taken(conn, id)?)?;
        let before = rows::complete(conn, vec![row], today())?
            .pop()
            .ok_or(crate::error::ApiError::NotFound)?;
        rows::update(conn, id, &fields)?;
        promote(conn, id, fields.capacity)?;
        let after = rows::load(conn, id, today())?;
        Event::new(AuditAction::Update, AuditEntity::Cohort, id)
            .by(caller.actor.user_id)
            .of(after.org_id)
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// Gives the free places of a cohort of `capacity` to its waiting list, first first.
pub(crate) fn promote(conn: &mut DbConnection, id: CohortId, capacity: i32) -> Outcome<Vec<openapi::EnrolmentId>> {
    let free = i64::from(capacity) - rows::taken(conn, id)?;
    let waiting = enrolment::waiting(conn, id)?;
    let promoted: Vec<openapi::EnrolmentId> = waiting
        .into_iter()
        .take(usize::try_from(free.max(0)).unwrap_or_default())
        .collect();
    for enrolment_id in &promoted {
        enrolment::move_status(
            conn,
            *enrolment_id,
            openapi::cohorts::EnrolmentStatus::Waiting,
            openapi::cohorts::EnrolmentStatus::Enrolled,
        )?;
    }
    Ok(promoted)
}

/// Marks who attended a session (the host's staff): the whole list, replacing the marks
/// so far; each an enrolled or completed teacher of the session's cohort. The caller's
/// own mark, if they are enrolled, is another person's to change (`own_record`).
pub fn mark_attendance(
    conn: &mut DbConnection,
    caller: &Caller,
    session: CohortSessionId,
    input: &SessionAttendanceInput,
) -> Outcome<SessionAttendance> {
    write(conn, |conn| {
        let cohort = rows::of_session(conn, session)?;
        let (row, _) = access::cohort(conn, &caller.actor, cohort, Access::Edit)?;
        lock(conn, Locked::Cohort, cohort.0)?;
        let allowed = enrolment::placed(conn, cohort)?;
        let present = rules::present(&input.present, &allowed)?;
        let before = SessionAttendance {
            session_id: session,
            present: enrolment::present_at(conn, session)?,
        };
        // Nobody marks themselves: the caller's own mark stays as it was.
        if let Some(own) = enrolment::of_teacher(conn, cohort, caller.actor.user_id)? {
            let own = openapi::EnrolmentId(own.id);
            certificates::not_own(
                before.present.contains(&own) != present.contains(&own),
                "marks the attendance of",
            )?;
        }
        enrolment::mark(conn, session, &present, caller.actor.user_id)?;
        let after = SessionAttendance {
            session_id: session,
            present: enrolment::present_at(conn, session)?,
        };
        Event::new(AuditAction::Attendance, AuditEntity::Cohort, cohort)
            .by(caller.actor.user_id)
            .of(row.org())
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// Checks a cohort against its programme: the resource must be a training programme,
/// and the sessions named by id must be this cohort's.
fn resolve(
    conn: &mut DbConnection,
    resource: &ResourceRow,
    input: &CohortInput,
    existing: Option<CohortId>,
) -> Outcome<CohortFields> {
    if resource.form != ResourceForm::TrainingProgramme.as_str() {
        return Err(DomainError::field(
            "resource_id",
            NotAllowed,
            "cohorts are run of a training programme only",
        )
        .into());
    }
    let programme = Programme {
        hours: resource.hours,
        format: resource.programme_format.as_deref().and_then(ProgrammeFormat::parse),
    };
    let fields = rules::parse(input, programme)?;
    let own = match existing {
        Some(id) => rows::session_ids(conn, id)?,
        None => Vec::new(),
    };
    let errors: Vec<_> = input
        .sessions
        .iter()
        .enumerate()
        .filter(|(_, session)| session.id.is_some_and(|id| !own.contains(&id)))
        .map(|(index, _)| {
            field_error(
                &format!("sessions[{index}].id"),
                NotAllowed,
                "must be a session of this cohort",
            )
        })
        .collect();
    if errors.is_empty() {
        Ok(fields)
    } else {
        Err(DomainError::Invalid(errors).into())
    }
}

#[cfg(test)]
#[path = "cohorts_tests.rs"]
pub(crate) mod tests;
