//! Consultations (Regulation 1.3 d): the recipient's side asks a host school for
//! methodological support; the host school's administration, council and teachers
//! schedule, decline or record it as held (or record one given without a request);
//! either side calls it off; the recipient's staff rate it once held.

use super::access::{self, Access};
use super::concurrency::{Expected, claim};
use super::{Caller, Outcome, write};
use crate::clock::today;
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::consultation::{self as rows, ConsultationRow, NewConsultation, Scope};
use crate::db::models::{PageRequest, organisation, resource};
use crate::domain::consultations::{self as rules, Held, Step};
use crate::domain::error::DomainError;
use crate::domain::feedback::Answer;
use crate::domain::policy;
use crate::domain::text::field_error;
use crate::error::ApiError;
use diesel::OptionalExtension;
use openapi::FieldErrorCode::NotAllowed;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::consultations::{
    Consultation, ConsultationFilter, ConsultationReasonInput, ConsultationRequestInput, GivenConsultationInput,
    HeldInput, ScheduleInput,
};
use openapi::feedback::FeedbackInput;
use openapi::organisations::OrganisationKind;
use openapi::{ConsultationId, FieldError, OrganisationId, Page, PageQuery, ResourceId};

/// Consultations, newest first: an organisation's (the caller's own unless the committee
/// names another), as host, recipient or either; the committee sees every one when it
/// names neither an organisation nor a side. A caller sees the sides they may read: a
/// partner-only account only what its school receives.
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    page: &PageQuery,
    filter: &ConsultationFilter,
) -> Outcome<Page<Consultation>> {
    let page = PageRequest::parse(page)?;
    let actor = &caller.actor;
    let committee = policy::reads_every_school(actor);
    let scope = match (filter.org_id, filter.role) {
        (None, None) if committee => Scope::All,
        (Some(org), role) if committee => Scope::Of(org, role),
        (Some(org), _) if org != actor.org_id => return Err(ApiError::Forbidden),
        (_, role) => {
            let own = actor.org_id;
            let hosts = policy::can_read_school_work(actor, own);
            let receives = hosts || policy::acts_for_consultation_recipient(actor, own);
            match role {
                _ if !receives => return Ok(page.wrap(Vec::new(), 0)),
                Some(openapi::consultations::ConsultationRole::Host) if !hosts => {
                    return Ok(page.wrap(Vec::new(), 0));
                }
                None if !hosts => Scope::Of(own, Some(openapi::consultations::ConsultationRole::Recipient)),
                role => Scope::Of(own, role),
            }
        }
    };
    let (items, total) = rows::list(conn, scope, filter.status, filter.q.as_deref(), page)?;
    Ok(page.wrap(items, total))
}

/// One consultation.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: ConsultationId) -> Outcome<Consultation> {
    access::consultation(conn, &caller.actor, id, Access::Read)?;
    Ok(rows::load(conn, id)?)
}

/// Asks a school for a consultation, for the caller's own organisation (its
/// administration, council, teachers or partner staff; the committee's specialists), or
/// for a school the committee names.
pub fn request(conn: &mut DbConnection, caller: &Caller, input: &ConsultationRequestInput) -> Outcome<Consultation> {
    let actor = &caller.actor;
    let own = actor.org_id;
    if !(policy::acts_for_consultation_recipient(actor, own) || policy::reads_every_school(actor)) {
        return Err(ApiError::Forbidden);
    }
    let texts = rules::parse_request(input);
    write(conn, |conn| {
        let recipient = input.recipient_org_id.unwrap_or(own);
        let mut errors = Vec::new();
        if !policy::can_request_consultation(actor, recipient) || !organisation_exists(conn, recipient)? {
            errors.push(field_error(
                "recipient_org_id",
                NotAllowed,
                "ask for your own organisation (the committee may name a school)",
            ));
        }
        check_host(conn, input.host_org_id, recipient, &mut errors)?;
        check_resource(conn, input.resource_id, input.host_org_id, true, &mut errors)?;
        let texts = merged(texts, errors)?;
        let new = NewConsultation {
            host: input.host_org_id,
            recipient,
            resource: input.resource_id,
            topic: &texts.topic,
            question: &texts.question,
            requested_by: Some(actor.user_id),
            actor: actor.user_id,
        };
        created(conn, caller, &new, None)
    })
}

/// Records a consultation the caller's school gave without a request, as held (its
/// administration, council or teachers).
pub fn record_given(conn: &mut DbConnection, caller: &Caller, input: &GivenConsultationInput) -> Outcome<Consultation> {
    let actor = &caller.actor;
    let host = actor.org_id;
    if !policy::can_consult_for(actor, host) {
        return Err(ApiError::Forbidden);
    }
    let parsed = rules::parse_given(input, today());
    write(conn, |conn| {
        let mut errors = Vec::new();
        let recipient = input.recipient_org_id;
        if recipient == host || !organisation_exists(conn, recipient)? {
            errors.push(field_error(
                "recipient_org_id",
                NotAllowed,
                "name another school or the committee",
            ));
        }
        check_resource(conn, input.resource_id, host, false, &mut errors)?;
        let (topic, held) = merged(parsed, errors)?;
        let new = NewConsultation {
            host,
            recipient,
            resource: input.resource_id,
            topic: &topic,
            question: "",
            requested_by: None,
            actor: actor.user_id,
        };
        created(conn, caller, &new, Some(&held))
    })
}

/// Schedules (or reschedules) a consultation made on the `expected` version: the host
/// school's administration, council or teachers.
pub fn schedule(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ConsultationId,
    expected: Expected,
    input: &ScheduleInput,
) -> Outcome<Consultation> {
    write(conn, |conn| {
        let row = access::consultation(conn, &caller.actor, id, Access::Edit)?;
        let moved = Move::new(Step::Schedule, AuditAction::Schedule, expected);
        moved.apply(conn, caller, row, |conn, _| {
            let schedule = rules::parse_schedule(input, today())?;
            Ok(rows::schedule(conn, id, &schedule)?)
        })
    })
}

/// Declines a requested consultation, with a reason: the host school's administration,
/// council or teachers. A scheduled one is cancelled instead (`consultation_scheduled`).
pub fn decline(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ConsultationId,
    expected: Expected,
    input: &ConsultationReasonInput,
) -> Outcome<Consultation> {
    write(conn, |conn| {
        let row = access::consultation(conn, &caller.actor, id, Access::Edit)?;
        let moved = Move::new(Step::Decline, AuditAction::Decline, expected);
        moved.apply(conn, caller, row, |conn, status| close(conn, id, status, input))
    })
}

/// Calls off a consultation not held yet, with a reason: the host school's
/// administration, council or teachers, whoever acts for the recipient, or the person who
/// asked for it.
pub fn cancel(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ConsultationId,
    expected: Expected,
    input: &ConsultationReasonInput,
) -> Outcome<Consultation> {
    write(conn, |conn| {
        let actor = &caller.actor;
        let row = access::consultation(conn, actor, id, Access::Read)?;
        let may = policy::can_consult_for(actor, row.host())
            || policy::acts_for_consultation_recipient(actor, row.recipient())
            || row.requested_by == Some(actor.user_id.0);
        if !may {
            return Err(ApiError::Forbidden);
        }
        let moved = Move::new(Step::Cancel, AuditAction::Cancel, expected);
        moved.apply(conn, caller, row, |conn, status| close(conn, id, status, input))
    })
}

/// Records a requested or scheduled consultation as held, with its outcome and
/// follow-ups: the host school's administration, council or teachers.
pub fn hold(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ConsultationId,
    expected: Expected,
    input: &HeldInput,
) -> Outcome<Consultation> {
    write(conn, |conn| {
        let row = access::consultation(conn, &caller.actor, id, Access::Edit)?;
        let moved = Move::new(Step::Hold, AuditAction::Hold, expected);
        moved.apply(conn, caller, row, |conn, _| {
            let held = rules::parse_held(input, today(), "")?;
            Ok(rows::hold(conn, id, &held)?)
        })
    })
}

/// Rates a held consultation (whoever acts for the recipient), once per person; answers
/// with the consultation and its ratings.
pub fn rate(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ConsultationId,
    input: &FeedbackInput,
) -> Outcome<Consultation> {
    let answer = Answer::parse(input);
    write(conn, |conn| {
        let actor = &caller.actor;
        let row = access::consultation(conn, actor, id, Access::Read)?;
        if !policy::acts_for_consultation_recipient(actor, row.recipient()) {
            return Err(ApiError::Forbidden);
        }
        rules::rateable(row.status())?;
        let answer = answer?;
        let answer_id =
            rows::insert_answer(conn, &row, actor.user_id, &caller.me.full_name, &answer).map_err(|err| {
                match ApiError::from(err) {
                    ApiError::Conflict { .. } => ApiError::Conflict {
                        detail: "You have already rated this consultation.".to_owned(),
                        errors: Vec::new(),
                    },
                    other => other,
                }
            })?;
        Event::new(AuditAction::Create, AuditEntity::ConsultationFeedback, answer_id)
            .by(actor.user_id)
            .of(row.recipient())
            .after(&RatedAnswer {
                consultation_id: id,
                csat: answer.csat,
                recommend: answer.recommend,
                ready: answer.ready,
                comment: &answer.comment,
            })
            .record(conn)?;
        Ok(rows::load(conn, id)?)
    })
}

/// What the audit trail keeps of an answer.
#[derive(Debug, serde::Serialize)]
struct RatedAnswer<'a> {
    consultation_id: ConsultationId,
    csat: u8,
    recommend: u8,
    ready: bool,
    comment: &'a str,
}

/// Inserts a consultation, reads it back and audits its creation (as the host school's
/// record).
fn created(
    conn: &mut DbConnection,
    caller: &Caller,
    new: &NewConsultation<'_>,
    held: Option<&Held>,
) -> Outcome<Consultation> {
    let id = rows::insert(conn, new, held)?;
    let created = rows::load(conn, id)?;
    Event::new(AuditAction::Create, AuditEntity::Consultation, id.0)
        .by(caller.actor.user_id)
        .of(new.host)
        .after(&created)
        .record(conn)?;
    Ok(created)
}

/// Reads the consultation after a change and records the change.
/// A step of a consultation the caller may take, made on the `expected` version, audited
/// as `action`.
struct Move {
    step: Step,
    action: AuditAction,
    expected: Expected,
}

impl Move {
    fn new(step: Step, action: AuditAction, expected: Expected) -> Self {
        Self { step, action, expected }
    }

    /// Claims the version the caller read, checks the step is open from the status, lets
    /// `write` store it (given the status it leads to) and audits the change.
    fn apply(
        self,
        conn: &mut DbConnection,
        caller: &Caller,
        row: ConsultationRow,
        write: impl FnOnce(&mut DbConnection, openapi::consultations::ConsultationStatus) -> Outcome<()>,
    ) -> Outcome<Consultation> {
        claim(self.expected, row.version, |version| rows::claim(conn, row.id, version))?;
        let status = rules::next(row.status(), self.step)?;
        let before = represent(conn, row)?;
        write(conn, status)?;
        changed(conn, caller, self.action, &before)
    }
}

/// Closes a consultation (declined or cancelled) with the reason given.
fn close(
    conn: &mut DbConnection,
    id: ConsultationId,
    status: openapi::consultations::ConsultationStatus,
    input: &ConsultationReasonInput,
) -> Outcome<()> {
    let reason = rules::parse_reason(input)?;
    Ok(rows::close(conn, id, status, &reason)?)
}

fn changed(
    conn: &mut DbConnection,
    caller: &Caller,
    action: AuditAction,
    before: &Consultation,
) -> Outcome<Consultation> {
    let after = rows::load(conn, before.id)?;
    Event::new(action, AuditEntity::Consultation, after.id.0)
        .by(caller.actor.user_id)
        .of(after.host_org_id)
        .before(before)
        .after(&after)
        .record(conn)?;
    Ok(after)
}

/// The API representation of a row already read.
fn represent(conn: &mut DbConnection, row: ConsultationRow) -> Outcome<Consultation> {
    rows::complete(conn, vec![row])?.pop().ok_or(ApiError::NotFound)
}

/// The parsed value, or every invalid field: the parse's and the references' together.
fn merged<T>(parsed: Result<T, DomainError>, mut errors: Vec<FieldError>) -> Outcome<T> {
    match parsed {
        Ok(value) if errors.is_empty() => Ok(value),
        Ok(_) => Err(DomainError::Invalid(errors).into()),
        Err(DomainError::Invalid(mut fields)) => {
            fields.append(&mut errors);
            Err(DomainError::Invalid(fields).into())
        }
        Err(other) => Err(other.into()),
    }
}

fn organisation_exists(conn: &mut DbConnection, org: OrganisationId) -> Outcome<bool> {
    Ok(organisation::find(conn, org).optional()?.is_some())
}

/// The host must be a school other than the recipient.
fn check_host(
    conn: &mut DbConnection,
    host: OrganisationId,
    recipient: OrganisationId,
    errors: &mut Vec<FieldError>,
) -> Outcome<()> {
    let school = organisation::find(conn, host)
        .optional()?
        .is_some_and(|found| found.kind() == OrganisationKind::School);
    if !school || host == recipient {
        errors.push(field_error("host_org_id", NotAllowed, "ask another school"));
    }
    Ok(())
}

/// A resource named must be the host school's (and published, when the recipient names it).
fn check_resource(
    conn: &mut DbConnection,
    id: Option<ResourceId>,
    host: OrganisationId,
    published: bool,
    errors: &mut Vec<FieldError>,
) -> Outcome<()> {
    let Some(id) = id else {
        return Ok(());
    };
    let fits = resource::find(conn, id)
        .optional()?
        .is_some_and(|found| found.org_id == host.0 && (!published || found.is_published()));
    if !fits {
        errors.push(field_error(
            "resource_id",
            NotAllowed,
            "name a resource of the host school",
        ));
    }
    Ok(())
}

#[cfg(test)]
#[path = "consultations_tests.rs"]
mod tests;
