//! Enrolments in cohorts (R4): teachers of any school enrol themselves, or their own
//! school's administration enrols them; a full cohort puts them on its waiting list, a
//! withdrawal gives the place to the first waiting. The host's staff — never the teacher
//! themselves — mark attendance and complete a teacher whose attended hours reach the
//! threshold, which issues the certificate, numbered per host school and year with a
//! random verification code; the host may revoke it with a reason.

use super::access::{self, Access};
use super::{Caller, Outcome, cohorts, write};
use crate::clock::today;
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::enrolment::{self as rows, NewEnrolment, Scope};
use crate::db::models::{Locked, PageRequest, certificate, cohort, lock, organisation, user};
use crate::domain::certificates;
use crate::domain::cohorts as rules;
use crate::domain::error::DomainError;
use crate::domain::policy;
use crate::domain::text;
use crate::error::ApiError;
use chrono::Datelike;
use diesel::OptionalExtension;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::cohorts::{
    Certificate, CertificateCheck, Enrolment, EnrolmentInput, EnrolmentStatus, RevocationInput, TeacherTraining,
    TrainingHistory,
};
use openapi::{CohortId, EnrolmentId, OrganisationId, Page, PageQuery, RefusalReason, UserId, limits};

/// Enrols a teacher in a cohort: the caller, or `input.user_id`, an active teacher of
/// the caller's own school whom its administration enrols. A full cohort puts them on
/// its waiting list; a live enrolment is refused with `already_enrolled`, a finished
/// cohort with `cohort_finished`. The places are counted, and the capacity read, under
/// the cohort's lock.
pub fn enrol(conn: &mut DbConnection, caller: &Caller, id: CohortId, input: &EnrolmentInput) -> Outcome<Enrolment> {
    write(conn, |conn| {
        access::cohort(conn, &caller.actor, id, Access::Read)?;
        let actor = &caller.actor;
        let (teacher, teacher_org) = whom(conn, actor, input.user_id)?;
        lock(conn, Locked::Cohort, id.0)?;
        let row = cohort::find(conn, id)?;
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

/// Who is enrolled: the caller (any account of a school), or `asked`, an active account
/// of the caller's own school, which only its administration enrols (`403` for anyone
/// else). Any other id — of another school, deactivated or unknown — is `404` with the
/// same body, so that enrolment tells nothing about accounts of other schools.
fn whom(conn: &mut DbConnection, actor: &policy::Actor, asked: Option<UserId>) -> Outcome<(UserId, OrganisationId)> {
    match asked {
        None => {}
        Some(user) if user == actor.user_id => {}
        Some(user) => {
            if !policy::can_enrol_teacher(actor, actor.org_id) {
                return Err(ApiError::Forbidden);
            }
            let found = user::find(conn, user)
                .optional()?
                .filter(|found| found.is_active && found.org_id == actor.org_id.0);
            return found.map(|_| (user, actor.org_id)).ok_or(ApiError::NotFound);
        }
    }
    if policy::can_enrol_self(actor) {
        Ok((actor.user_id, actor.org_id))
    } else {
        Err(ApiError::Forbidden)
    }
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
        if actor.user_id != row.user() && !policy::can_withdraw_others(actor, row.user_org(), row.host()) {
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

/// Completes an enrolled teacher of a cohort that has started (the host's staff, never
/// the teacher themselves: `own_record`) once the hours they attended reach the cohort's
/// threshold (`attendance_below_threshold`), and issues the certificate.
pub fn complete(conn: &mut DbConnection, caller: &Caller, id: EnrolmentId) -> Outcome<Enrolment> {
    write(conn, |conn| {
        let row = access::enrolment(conn, &caller.actor, id)?;
        let cohort_id = CohortId(row.cohort_id);
        let (cohort_row, _) = access::cohort(conn, &caller.actor, cohort_id, Access::Edit)?;
        certificates::not_own(row.user() == caller.actor.user_id, "completes")?;
        // The marks counted do not change under the completion.
        lock(conn, Locked::Cohort, cohort_id.0)?;
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

/// Completes an enrolled teacher on `today` and issues the certificate: the next number
/// of the host school's series of the year, a random verification code, the teacher's
/// name and school, the programme, the dates and the hours attended, frozen as they
/// stand now. Refused below the cohort's attendance threshold. No access check: the
/// caller's (or the demo's).
pub(crate) fn issue(conn: &mut DbConnection, id: EnrolmentId, today: chrono::NaiveDate, by: UserId) -> Outcome<()> {
    let row = rows::find(conn, id)?;
    let shown = cohort::load(conn, CohortId(row.cohort_id), today)?;
    let attended = rows::attended_hours(conn, id)?;
    certificates::attended_enough(attended, shown.required_hours)?;
    if !rows::complete(conn, id, today, attended, by)? {
        return Err(moved_on(conn, id));
    }
    let holder = user::find(conn, row.user())?;
    let holder_org = organisation::find(conn, row.user_org())?;
    let issuer = organisation::find(conn, shown.org_id)?;
    let year = today.year();
    let sequence = certificate::next_sequence(conn, shown.org_id, year)?;
    let issued = Certificate {
        number: certificates::number(shown.org_id, year, sequence),
        kind: certificates::kind(attended),
        full_name: holder.full_name,
        holder_org_name: holder_org.name,
        programme: shown.resource_title,
        cohort_title: shown.title,
        hours: attended,
        starts_on: shown.starts_on,
        ends_on: shown.ends_on,
        issuer_org_id: shown.org_id,
        issuer_name: issuer.name,
        issued_on: today,
        code: certificates::code(rand::random()),
        revoked_on: None,
        revoked_reason: None,
    };
    certificate::insert(conn, id, year, sequence, &issued)?;
    Ok(())
}

/// Revokes the certificate of an enrolment with a reason (the host's staff, never the
/// holder: `own_record`); a revoked one is refused with `certificate_revoked`. The
/// public check then says revoked, and the figures no longer count it.
pub fn revoke(
    conn: &mut DbConnection,
    caller: &Caller,
    id: EnrolmentId,
    input: &RevocationInput,
) -> Outcome<Certificate> {
    let reason = text::bounded("reason", &input.reason, limits::REVOCATION_REASON).map_err(DomainError::from)?;
    write(conn, |conn| {
        let row = access::enrolment(conn, &caller.actor, id)?;
        let (cohort_row, _) = access::cohort(conn, &caller.actor, CohortId(row.cohort_id), Access::Edit)?;
        certificates::not_own(row.user() == caller.actor.user_id, "revokes the certificate of")?;
        let before = certificate::of_enrolment(conn, id)?;
        if !certificate::revoke(conn, id, today(), &reason, caller.actor.user_id)? {
            return Err(
                DomainError::refused(RefusalReason::CertificateRevoked, "The certificate is revoked already.").into(),
            );
        }
        let after = certificate::of_enrolment(conn, id)?;
        Event::new(AuditAction::Revoke, AuditEntity::Enrolment, id)
            .by(caller.actor.user_id)
            .of(cohort_row.org())
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
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

/// A certificate by its number, for anyone (no account): what, how long, who issued
/// it, whether it is revoked, and the holder's name — in full only with the right
/// verification code, masked otherwise. An unknown number is `404`.
pub fn check(conn: &mut DbConnection, number: &str, code: Option<&str>) -> Outcome<CertificateCheck> {
    if !certificates::plausible_number(number) {
        return Err(ApiError::NotFound);
    }
    let found = certificate::by_number(conn, number)?;
    let code_matches = code
        .filter(|code| !code.trim().is_empty())
        .map(|code| certificates::code_matches(code, &found.code));
    Ok(CertificateCheck {
        masked_name: certificates::masked_name(&found.full_name),
        full_name: (code_matches == Some(true)).then_some(found.full_name),
        code_matches,
        number: found.number,
        kind: found.kind,
        programme: found.programme,
        hours: found.hours,
        starts_on: found.starts_on,
        ends_on: found.ends_on,
        issuer_name: found.issuer_name,
        issued_on: found.issued_on,
        revoked_on: found.revoked_on,
    })
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
