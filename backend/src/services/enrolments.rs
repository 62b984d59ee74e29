//! Enrolments in cohorts (R4): teachers of any school enrol themselves, their school's
//! administration or the host's staff enrol them; a full cohort puts them on its waiting
//! list, a withdrawal gives the place to the first waiting. The host completes an
//! enrolled teacher, which issues the certificate, numbered per host school and year and
//! checked by its number without an account.

use super::access::{self, Access};
use super::plan::today;
use super::{Caller, Outcome, cohorts, write};
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::enrolment::{self as rows, NewEnrolment, Scope};
use crate::db::models::{Locked, PageRequest, certificate, cohort, lock, organisation, user};
use crate::domain::cohorts as rules;
use crate::domain::error::DomainError;
use crate::domain::policy;
use crate::error::ApiError;
use chrono::Datelike;
use diesel::OptionalExtension;
use openapi::FieldErrorCode::NotAllowed;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::cohorts::{
    Certificate, CertificateCheck, Enrolment, EnrolmentInput, EnrolmentStatus, TeacherTraining, TrainingHistory,
};
use openapi::organisations::OrganisationKind;
use openapi::{CohortId, EnrolmentId, OrganisationId, Page, PageQuery, UserId};

/// Enrols a teacher in a cohort: the caller, or `input.user_id` (a teacher of the
/// caller's school for its administration, anyone of a school for the host's staff). A
/// full cohort puts them on its waiting list; a live enrolment is refused with
/// `already_enrolled`, a finished cohort with `cohort_finished`.
pub fn enrol(conn: &mut DbConnection, caller: &Caller, id: CohortId, input: &EnrolmentInput) -> Outcome<Enrolment> {
    write(conn, |conn| {
        let (row, _) = access::cohort(conn, &caller.actor, id, Access::Read)?;
        let actor = &caller.actor;
        let teacher = input.user_id.unwrap_or(actor.user_id);
        let teacher_org = if teacher == actor.user_id {
            if !policy::can_enrol_self(actor) {
                return Err(ApiError::Forbidden);
            }
            actor.org_id
        } else {
            let found = user::find(conn, teacher).optional()?.filter(|found| found.is_active);
            let not_allowed = |message: &str| -> ApiError { DomainError::field("user_id", NotAllowed, message).into() };
            match found {
                Some(found) if policy::can_enrol_others(actor, OrganisationId(found.org_id), row.org()) => {
                    let org = OrganisationId(found.org_id);
                    if organisation::find(conn, org)?.kind() != OrganisationKind::School {
                        return Err(not_allowed("must be a teacher of a school"));
                    }
                    org
                }
                _ if policy::can_enrol_others(actor, actor.org_id, row.org()) => {
                    return Err(not_allowed("must be an active teacher you may enrol"));
                }
                _ => return Err(ApiError::Forbidden),
            }
        };
        lock(conn, Locked::Cohort, id.0)?;
        let existing = rows::of_teacher(conn, id, teacher)?;
        let status = rules::place(
            existing.as_ref().map(rows::EnrolmentRow::status),
            rules::status(row.starts_on, row.ends_on, today()),
            row.capacity,
            cohort::taken(conn, id)?,
        )?;
        let new = NewEnrolment {
            cohort: id,
            host: row.org(),
            user: teacher,
            user_org: teacher_org,
            status,
            by: actor.user_id,
        };
        let enrolment = rows::enrol(conn, &new, existing.map(|e| EnrolmentId(e.id)))?;
        let created = rows::load(conn, enrolment)?;
        Event::new(AuditAction::Enrol, AuditEntity::Enrolment, enrolment)
            .by(actor.user_id)
            .of(row.org())
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// One page of a cohort's enrolments, as the caller may see them: every one for the
/// host's staff and the committee, their school's for a school's administration, their
/// own for a teacher.
pub fn list(conn: &mut DbConnection, caller: &Caller, id: CohortId, page: &PageQuery) -> Outcome<Page<Enrolment>> {
    let page = PageRequest::parse(page)?;
    let (row, _) = access::cohort(conn, &caller.actor, id, Access::Read)?;
    let actor = &caller.actor;
    let scope = if policy::can_read_school_work(actor, row.org()) {
        Scope::All
    } else if policy::is_director_of(actor, actor.org_id) {
        Scope::School(actor.org_id)
    } else {
        Scope::Teacher(actor.user_id)
    };
    let (items, total) = rows::list(conn, id, scope, page)?;
    Ok(page.wrap(items, total))
}

/// One enrolment.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: EnrolmentId) -> Outcome<Enrolment> {
    access::enrolment(conn, &caller.actor, id)?;
    Ok(rows::load(conn, id)?)
}

/// Withdraws an enrolment (the teacher, their school's administration or the host's
/// staff); a place it frees goes to the first waiting. A completed or withdrawn one is
/// refused with its state's reason.
pub fn withdraw(conn: &mut DbConnection, caller: &Caller, id: EnrolmentId) -> Outcome<Enrolment> {
    write(conn, |conn| {
        let row = access::enrolment(conn, &caller.actor, id)?;
        let actor = &caller.actor;
        if actor.user_id != row.user() && !policy::can_enrol_others(actor, row.user_org(), row.host()) {
            return Err(ApiError::Forbidden);
        }
        let cohort_id = CohortId(row.cohort_id);
        lock(conn, Locked::Cohort, cohort_id.0)?;
        let status = row.status();
        rules::active(status, true)?;
        let before = rows::load(conn, id)?;
        if !rows::move_status(conn, id, status, EnrolmentStatus::Withdrawn)? {
            return Err(moved_on(conn, id));
        }
        let capacity = cohort::find(conn, cohort_id)?.capacity;
        let promoted = cohorts::promote(conn, cohort_id, capacity)?;
        let after = rows::load(conn, id)?;
        Event::new(AuditAction::Withdraw, AuditEntity::Enrolment, id)
            .by(actor.user_id)
            .of(row.host())
            .before(&before)
            .after(&after)
            .record(conn)?;
        for next in promoted {
            let enrolled = rows::load(conn, next)?;
            Event::new(AuditAction::Update, AuditEntity::Enrolment, next)
                .by(actor.user_id)
                .of(row.host())
                .after(&enrolled)
                .record(conn)?;
        }
        Ok(after)
    })
}

/// Completes an enrolled teacher of a cohort that has started (the host's staff) and
/// issues the certificate: the next number of the host school's series of this year, the
/// teacher's name and school, the programme, the hours and dates as they stand now.
pub fn complete(conn: &mut DbConnection, caller: &Caller, id: EnrolmentId) -> Outcome<Enrolment> {
    write(conn, |conn| {
        let row = access::enrolment(conn, &caller.actor, id)?;
        let cohort_id = CohortId(row.cohort_id);
        let (cohort_row, _) = access::cohort(conn, &caller.actor, cohort_id, Access::Edit)?;
        let today = today();
        rules::may_complete(row.status(), cohort_row.starts_on, today)?;
        let before = rows::load(conn, id)?;
        issue(conn, id, today, caller.actor.user_id)?;
        let after = rows::load(conn, id)?;
        Event::new(AuditAction::Complete, AuditEntity::Enrolment, id)
            .by(caller.actor.user_id)
            .of(cohort_row.org())
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// Completes an enrolled teacher on `today` and issues the certificate: the next number of
/// the host school's series of the year, the teacher's name and school, the programme,
/// the hours and dates as they stand now. No access check: the caller's (or the demo's).
pub(crate) fn issue(conn: &mut DbConnection, id: EnrolmentId, today: chrono::NaiveDate, by: UserId) -> Outcome<()> {
    let row = rows::find(conn, id)?;
    let shown = cohort::load(conn, CohortId(row.cohort_id), today)?;
    if !rows::complete(conn, id, today, shown.hours, by)? {
        return Err(moved_on(conn, id));
    }
    let holder = user::find(conn, row.user())?;
    let holder_org = organisation::find(conn, row.user_org())?;
    let issuer = organisation::find(conn, shown.org_id)?;
    let year = today.year();
    let sequence = certificate::next_sequence(conn, shown.org_id, year)?;
    let issued = Certificate {
        number: rules::certificate_number(shown.org_id, year, sequence),
        kind: rules::certificate_kind(shown.hours),
        full_name: holder.full_name,
        holder_org_name: holder_org.name,
        programme: shown.resource_title,
        cohort_title: shown.title,
        hours: shown.hours,
        starts_on: shown.starts_on,
        ends_on: shown.ends_on,
        issuer_org_id: shown.org_id,
        issuer_name: issuer.name,
        issued_on: today,
    };
    certificate::insert(conn, id, year, sequence, &issued)?;
    Ok(())
}

/// The refusal for an enrolment another writer moved on since it was read: its state's
/// reason now.
fn moved_on(conn: &mut DbConnection, id: EnrolmentId) -> ApiError {
    match rows::find(conn, id) {
        Ok(row) => rules::active(row.status(), false)
            .err()
            .map_or(ApiError::PreconditionFailed { current: None }, Into::into),
        Err(err) => err.into(),
    }
}

/// The certificate of a completed enrolment, for the print view: read like the
/// enrolment; `404` before completion.
pub fn certificate(conn: &mut DbConnection, caller: &Caller, id: EnrolmentId) -> Outcome<Certificate> {
    access::enrolment(conn, &caller.actor, id)?;
    Ok(certificate::of_enrolment(conn, id)?)
}

/// The certificate as a DOCX file, with its file name.
pub fn certificate_docx(conn: &mut DbConnection, caller: &Caller, id: EnrolmentId) -> Outcome<(Vec<u8>, String)> {
    let found = certificate(conn, caller, id)?;
    let bytes = crate::docx::certificate::docx(&found).map_err(|err| ApiError::Internal(err.into()))?;
    Ok((bytes, format!("certificate-{}.docx", found.number)))
}

/// A certificate by its number, for anyone (no account): who, what, how long, who
/// issued it. An unknown number is `404`.
pub fn check(conn: &mut DbConnection, number: &str) -> Outcome<CertificateCheck> {
    if !rules::plausible_number(number) {
        return Err(ApiError::NotFound);
    }
    Ok(certificate::check(conn, number)?)
}

/// The caller's own training: their enrolments, the latest first, and the hours of the
/// completed ones.
pub fn mine(conn: &mut DbConnection, caller: &Caller, page: &PageQuery) -> Outcome<TrainingHistory> {
    let page = PageRequest::parse(page)?;
    let me = caller.actor.user_id;
    let (items, total) = rows::of_user(conn, me, page)?;
    let (total_hours, completed) = rows::completed_of(conn, me)?;
    Ok(TrainingHistory {
        total_hours,
        completed,
        enrolments: page.wrap(items, total),
    })
}

/// A school's teachers with their training hours (its administration and council, the
/// committee); `404` for an unknown organisation, `403` for anyone else.
pub fn of_school(
    conn: &mut DbConnection,
    caller: &Caller,
    org: OrganisationId,
    page: &PageQuery,
) -> Outcome<Page<TeacherTraining>> {
    let page = PageRequest::parse(page)?;
    organisation::find(conn, org)?;
    if !policy::can_read_school_training(&caller.actor, org) {
        return Err(ApiError::Forbidden);
    }
    let (items, total) = rows::of_school(conn, org, page)?;
    Ok(page.wrap(items, total))
}

#[cfg(test)]
#[path = "enrolments_tests.rs"]
mod tests;
