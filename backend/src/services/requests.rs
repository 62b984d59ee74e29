//! Consumer requests: filed by partner schools and the committee, to a school, for a
//! published resource or open to every school; decided by the school that takes them.

use super::access::{self, Access};
use super::concurrency::{Expected, claim};
use super::{Caller, Outcome, write};
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::request::{self, NewRequestRow, RequestRow, Scope};
use crate::db::models::{PageRequest, organisation, resource};
use crate::domain::error::DomainError;
use crate::domain::policy;
use crate::domain::requests::{self as rules, DecisionRefusal, NewRequest};
use crate::error::ApiError;
use diesel::OptionalExtension;
use openapi::FieldErrorCode::{NotAllowed, Required};
use openapi::audit::{AuditAction, AuditEntity};
use openapi::organisations::OrganisationKind;
use openapi::requests::{ConsumerRequest, RequestBox, RequestDecision, RequestFilter, RequestInput};
use openapi::users::Role;
use openapi::{OrganisationId, Page, PageQuery, RequestId};

/// Requests, newest first: `box=inbox` — addressed to my school or open to the
/// catalogue; `box=outbox` — filed by my organisation; no box — every request (the
/// committee only; anyone else must choose a box).
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    page: &PageQuery,
    filter: &RequestFilter,
) -> Outcome<Page<ConsumerRequest>> {
    let page = PageRequest::parse(page)?;
    let org = caller.actor.org_id.0;
    let scope = match filter.mailbox {
        // The inbox holds requests of other schools addressed to mine or open to every
        // school; `can_read_request` opens each of them exactly to those who read my
        // school's work. Anyone else (a partner-only account) has an empty inbox rather
        // than a list of requests whose detail would be refused.
        Some(RequestBox::Inbox) if !policy::can_read_school_work(&caller.actor, caller.actor.org_id) => {
            return Ok(page.wrap(Vec::new(), 0));
        }
        Some(RequestBox::Inbox) => Scope::Inbox(org),
        Some(RequestBox::Outbox) => Scope::Outbox(org),
        None if caller.actor.has(Role::Committee) => Scope::All,
        None => return Err(DomainError::field("box", Required, "choose inbox or outbox").into()),
    };
    let (items, total) = request::list(conn, scope, filter.status, filter.q.as_deref(), page)?;
    Ok(page.wrap(items, total))
}

/// One request with every status change.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: RequestId) -> Outcome<ConsumerRequest> {
    let row = access::request(conn, &caller.actor, id, Access::Read)?;
    complete(conn, row)
}

/// Files a request (a partner school's staff or the committee): to another school, for
/// a published resource of another school, or open to every school.
pub fn create(conn: &mut DbConnection, caller: &Caller, input: &RequestInput) -> Outcome<ConsumerRequest> {
    if !policy::can_file_request(&caller.actor) {
        return Err(ApiError::Forbidden);
    }
    let parsed = NewRequest::parse(input, crate::db::models::now().date())?;
    write(conn, |conn| {
        let own = caller.actor.org_id;
        let target = target(conn, own, input)?;
        let user = caller.actor.user_id;
        let new = NewRequestRow {
            requester_org_id: own.0,
            requester_id: user.0,
            target_org_id: target.map(i64::from),
            resource_id: input.resource_id.map(i64::from),
            need: &parsed.need,
            audience: &parsed.audience,
            desired_form: input.desired_form,
            deadline: input.deadline,
        };
        let id = RequestId(request::insert(conn, &new)?);
        let created = request::load(conn, id)?;
        let mut event = Event::new(AuditAction::Create, AuditEntity::Request, id)
            .by(user)
            .after(&created);
        if let Some(target) = target {
            event = event.of(target);
        }
        event.record(conn)?;
        Ok(created)
    })
}

/// The school a request goes to: the requested resource's (published, of another
/// school), or the named school (another school), or none (open to every school).
fn target(conn: &mut DbConnection, own: OrganisationId, input: &RequestInput) -> Outcome<Option<OrganisationId>> {
    if let Some(resource_id) = input.resource_id {
        return match resource::find(conn, resource_id).optional()? {
            Some(row) if row.is_published() && row.org_id != own.0 => Ok(Some(OrganisationId(row.org_id))),
            _ => Err(DomainError::field(
                "resource_id",
                NotAllowed,
                "ask for a published resource of another school",
            )
            .into()),
        };
    }
    if let Some(org) = input.target_org_id {
        let is_other_school = organisation::find(conn, org)
            .optional()?
            .is_some_and(|found| found.kind() == OrganisationKind::School && found.id != own.0);
        if !is_other_school {
            return Err(
                DomainError::field("target_org_id", NotAllowed, "address the request to another school").into(),
            );
        }
    }
    Ok(input.target_org_id)
}

/// Decides a request for the signed-in user's school (whoever may change its
/// resources): accept it with the resource that will answer it, answer it with an
/// existing resource, or decline it with a reason. Refused (`409`) when decided already,
/// addressed to another school, the school's own, or an open request being declined.
/// The decision is made on the `expected` version of the request.
pub fn decide(
    conn: &mut DbConnection,
    caller: &Caller,
    id: RequestId,
    expected: Expected,
    decision: &RequestDecision,
) -> Outcome<ConsumerRequest> {
    let (resource_id, note) = rules::decision_parts(decision)?;
    write(conn, |conn| {
        let row = access::request(conn, &caller.actor, id, Access::Edit)?;
        claim(expected, row.version, |version| request::claim(conn, id.0, version))?;
        let deciding = caller.actor.org_id;
        let status = rules::decide(
            row.status(),
            OrganisationId(row.requester_org_id),
            row.target_org_id.map(OrganisationId),
            deciding,
            decision,
        )
        .map_err(conflict)?;
        if let Some(resource_id) = resource_id {
            let own = resource::find(conn, resource_id)
                .optional()?
                .is_some_and(|found| found.org_id == deciding.0);
            if !own {
                return Err(DomainError::field("resource_id", NotAllowed, "name a resource of your school").into());
            }
        }
        let before = complete(conn, row.clone())?;
        let user = caller.actor.user_id;
        if !request::decide(conn, &row, status, deciding, resource_id, note.as_deref(), user)? {
            return Err(conflict(DecisionRefusal::AlreadyDecided));
        }
        let after = request::load(conn, id)?;
        Event::new(action(decision), AuditEntity::Request, id)
            .by(user)
            .of(deciding)
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// The API representation of a row already read.
fn complete(conn: &mut DbConnection, row: RequestRow) -> Outcome<ConsumerRequest> {
    request::complete(conn, vec![row])?.pop().ok_or(ApiError::NotFound)
}

/// What the audit trail records for a decision.
fn action(decision: &RequestDecision) -> AuditAction {
    match decision {
        RequestDecision::Accept { .. } => AuditAction::Accept,
        RequestDecision::Answer { .. } => AuditAction::Answer,
        RequestDecision::Decline { .. } => AuditAction::Decline,
    }
}

/// A refused decision: who decides is an authorisation question (`403`: the requesting
/// school, or a school the request is not addressed to); the request's state a conflict.
fn conflict(refusal: DecisionRefusal) -> ApiError {
    match refusal {
        DecisionRefusal::OwnRequest | DecisionRefusal::NotAddressedHere => ApiError::Forbidden,
        DecisionRefusal::AlreadyDecided | DecisionRefusal::CannotDeclineOpenRequest => ApiError::Conflict {
            detail: refusal.message().to_owned(),
            errors: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::resource_fixtures::{School, first_page};
    use openapi::requests::RequestStatus;

    /// A request filed by a partner of a new school to the fixture's school.
    fn filed(s: &mut School) -> (ConsumerRequest, Caller) {
        let consumer = s.school("СОШ № 12");
        let partner = s.user(consumer, &[Role::Partner]);
        let input = RequestInput {
            need: "Методика формирующего оценивания для 5–6 классов".into(),
            audience: "Учителя математики".into(),
            desired_form: None,
            deadline: None,
            target_org_id: Some(s.org),
            resource_id: None,
        };
        let created = create(&mut s.conn, &partner, &input).expect("filed");
        (created, partner)
    }

    #[test]
    fn declining_a_request_records_the_decision_with_its_reason() {
        let mut s = School::new();
        let (filed, partner) = filed(&mut s);
        let staff = s.staff.clone();
        let decline = RequestDecision::Decline {
            reason: "Нет свободных педагогов".into(),
        };
        let declined = decide(
            &mut s.conn,
            &staff,
            RequestId(filed.id),
            Expected::Version(filed.version),
            &decline,
        )
        .expect("declined");
        assert_eq!(declined.status, RequestStatus::Declined);
        assert_eq!(declined.decision_note.as_deref(), Some("Нет свободных педагогов"));
        let statuses: Vec<RequestStatus> = declined.events.iter().map(|e| e.status).collect();
        assert_eq!(statuses, vec![RequestStatus::Submitted, RequestStatus::Declined]);
        assert_eq!(
            s.audit("request", filed.id),
            vec!["create".to_owned(), "decline".to_owned()]
        );
        let seen = get(&mut s.conn, &partner, RequestId(filed.id)).expect("the requester sees it");
        assert_eq!(seen.status, RequestStatus::Declined);
        let again = decide(
            &mut s.conn,
            &staff,
            RequestId(filed.id),
            Expected::Version(declined.version),
            &decline,
        );
        assert!(
            matches!(&again, Err(ApiError::Conflict { detail, .. }) if detail == DecisionRefusal::AlreadyDecided.message()),
            "{again:?}"
        );
    }

    #[test]
    fn a_school_cannot_file_a_request_and_a_partner_cannot_decide_one() {
        let mut s = School::new();
        let (filed, partner) = filed(&mut s);
        let staff = s.staff.clone();
        let input = RequestInput {
            need: "Методика формирующего оценивания".into(),
            audience: "Учителя".into(),
            desired_form: None,
            deadline: None,
            target_org_id: None,
            resource_id: None,
        };
        assert!(matches!(create(&mut s.conn, &staff, &input), Err(ApiError::Forbidden)));
        let accept = RequestDecision::Accept {
            resource_id: s.resource,
        };
        let decided = decide(
            &mut s.conn,
            &partner,
            RequestId(filed.id),
            Expected::Version(filed.version),
            &accept,
        );
        assert!(matches!(decided, Err(ApiError::Forbidden)), "{decided:?}");
    }

    #[test]
    fn the_requesting_school_cannot_decide_its_own_request_and_nothing_is_written() {
        let mut s = School::new();
        let (filed, partner) = filed(&mut s);
        let requester_staff = s.user(partner.actor.org_id, &[Role::Admin, Role::Staff]);
        let decline = RequestDecision::Decline {
            reason: "Передумали".into(),
        };
        let decided = decide(
            &mut s.conn,
            &requester_staff,
            RequestId(filed.id),
            crate::services::concurrency::Expected::Version(filed.version),
            &decline,
        );
        assert!(matches!(decided, Err(ApiError::Forbidden)), "{decided:?}");
        assert_eq!(s.audit("request", filed.id), vec!["create".to_owned()]);
        let seen = get(&mut s.conn, &partner, RequestId(filed.id)).expect("still readable");
        assert_eq!(seen.status, RequestStatus::Submitted);
    }

    #[test]
    fn only_the_committee_lists_every_request_without_choosing_a_box() {
        let mut s = School::new();
        let (filed, _) = filed(&mut s);
        let committee = s.organisation("Комитет", OrganisationKind::Committee);
        let official = s.user(committee, &[Role::Committee]);
        let everything = RequestFilter::default();
        let all = list(&mut s.conn, &official, &first_page(), &everything).expect("listed");
        assert_eq!(all.items.iter().map(|r| r.id).collect::<Vec<_>>(), vec![filed.id]);
        let staff = s.staff.clone();
        match list(&mut s.conn, &staff, &first_page(), &everything) {
            Err(ApiError::Validation(errors)) => {
                assert_eq!((errors[0].field.as_str(), errors[0].code), ("box", Required))
            }
            other => panic!("expected a validation error, got {other:?}"),
        }
        let inbox = RequestFilter {
            mailbox: Some(RequestBox::Inbox),
            ..RequestFilter::default()
        };
        let mine = list(&mut s.conn, &staff, &first_page(), &inbox).expect("inbox");
        assert_eq!(mine.total, 1);
    }

    #[test]
    fn a_school_sees_in_its_inbox_only_what_it_may_open() {
        let mut s = School::new();
        let (addressed, _) = filed(&mut s);
        let third = s.school("Гимназия № 17");
        let asker = s.user(third, &[Role::Partner]);
        let open = RequestInput {
            need: "Программа наставничества для молодых учителей".into(),
            audience: "Молодые учителя".into(),
            desired_form: None,
            deadline: None,
            target_org_id: None,
            resource_id: None,
        };
        let open = create(&mut s.conn, &asker, &open).expect("filed to every school");
        let org = s.org;
        let partner_only = s.user(org, &[Role::Partner]);
        let staff = s.staff.clone();
        let inbox = RequestFilter {
            mailbox: Some(RequestBox::Inbox),
            ..RequestFilter::default()
        };
        for (who, caller, expected) in [
            ("staff", &staff, vec![open.id, addressed.id]),
            ("a partner-only account", &partner_only, vec![]),
        ] {
            let listed = list(&mut s.conn, caller, &first_page(), &inbox).expect("inbox");
            let ids: Vec<i64> = listed.items.iter().map(|r| r.id).collect();
            assert_eq!(ids, expected, "the inbox of {who}");
            assert_eq!(listed.total, i64::try_from(expected.len()).unwrap());
            for id in [open.id, addressed.id] {
                let opens = get(&mut s.conn, caller, RequestId(id)).is_ok();
                assert_eq!(opens, ids.contains(&id), "{who} lists request {id} iff it opens it");
            }
        }
    }
}
