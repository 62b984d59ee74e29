//! Rules of consumer requests: what a request must say, and which school may decide it
//! how.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use chrono::NaiveDate;
use openapi::FieldErrorCode::OutOfRange;
use openapi::limits;
use openapi::requests::{RequestDecision, RequestInput, RequestStatus};
use openapi::{OrganisationId, ResourceId};

/// A request that passed every rule that needs no database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequest {
    /// Need.
    pub need: String,
    /// Audience.
    pub audience: String,
}

impl NewRequest {
    /// Parses a request; `today` bounds the deadline.
    pub fn parse(input: &RequestInput, today: NaiveDate) -> Result<Self, DomainError> {
        let mut errors = Errors::default();
        let need = errors.take(text::bounded("need", &input.need, limits::REQUEST_NEED));
        let audience = errors.take(text::bounded("audience", &input.audience, limits::REQUEST_AUDIENCE));
        if input.deadline.is_some_and(|deadline| deadline < today) {
            errors.add("deadline", OutOfRange, "the deadline is in the past");
        }
        errors.finish()?;
        match (need, audience) {
            (Some(need), Some(audience)) => Ok(Self { need, audience }),
            _ => Err(DomainError::Invalid(Vec::new())),
        }
    }
}

/// Why a decision is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionRefusal {
    /// The request was decided already.
    AlreadyDecided,
    /// It is addressed to another school.
    NotAddressedHere,
    /// An open request to the catalogue can be taken or answered, not declined.
    CannotDeclineOpenRequest,
    /// A school does not decide its own request.
    OwnRequest,
}

impl DecisionRefusal {
    /// The English explanation.
    pub fn message(self) -> &'static str {
        match self {
            Self::AlreadyDecided => "the request has been decided already",
            Self::NotAddressedHere => "the request is addressed to another school",
            Self::CannotDeclineOpenRequest => {
                "an open request to the catalogue can be accepted or answered, not declined"
            }
            Self::OwnRequest => "a school does not decide its own request",
        }
    }
}

/// What a decision names, checked: the resource it answers with (accepting or
/// answering) and its note (an answer's optional note, a decline's reason).
pub fn decision_parts(decision: &RequestDecision) -> Result<(Option<ResourceId>, Option<String>), DomainError> {
    match decision {
        RequestDecision::Accept { resource_id } => Ok((Some(*resource_id), None)),
        RequestDecision::Answer { resource_id, note } => {
            let note = match note.as_deref() {
                Some(note) => text::optional("note", note, limits::OPTIONAL_NOTE)?,
                None => None,
            };
            Ok((Some(*resource_id), note))
        }
        RequestDecision::Decline { reason } => {
            Ok((None, Some(text::bounded("reason", reason, limits::DECLINE_REASON)?)))
        }
    }
}

/// The status a decision leads to, if the deciding school may make it.
pub fn decide(
    status: RequestStatus,
    requester: OrganisationId,
    target: Option<OrganisationId>,
    deciding: OrganisationId,
    decision: &RequestDecision,
) -> Result<RequestStatus, DecisionRefusal> {
    if requester == deciding {
        return Err(DecisionRefusal::OwnRequest);
    }
    if target.is_some_and(|target| target != deciding) {
        return Err(DecisionRefusal::NotAddressedHere);
    }
    if status != RequestStatus::Submitted {
        return Err(DecisionRefusal::AlreadyDecided);
    }
    match decision {
        RequestDecision::Accept { .. } => Ok(RequestStatus::Accepted),
        RequestDecision::Answer { .. } => Ok(RequestStatus::Answered),
        RequestDecision::Decline { .. } if target.is_none() => Err(DecisionRefusal::CannotDeclineOpenRequest),
        RequestDecision::Decline { .. } => Ok(RequestStatus::Declined),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::error::invalid;

    const HOST: OrganisationId = OrganisationId(1);
    const PARTNER: OrganisationId = OrganisationId(2);
    const OTHER: OrganisationId = OrganisationId(3);

    fn accept() -> RequestDecision {
        RequestDecision::Accept {
            resource_id: ResourceId(5),
        }
    }

    fn decline() -> RequestDecision {
        RequestDecision::Decline {
            reason: "нет ресурсов".into(),
        }
    }

    #[test]
    fn the_addressed_school_accepts_answers_or_declines_a_submitted_request() {
        let submitted = RequestStatus::Submitted;
        assert_eq!(
            decide(submitted, PARTNER, Some(HOST), HOST, &accept()),
            Ok(RequestStatus::Accepted)
        );
        assert_eq!(
            decide(submitted, PARTNER, Some(HOST), HOST, &decline()),
            Ok(RequestStatus::Declined)
        );
        let answer = RequestDecision::Answer {
            resource_id: ResourceId(5),
            note: None,
        };
        assert_eq!(
            decide(submitted, PARTNER, Some(HOST), HOST, &answer),
            Ok(RequestStatus::Answered)
        );
    }

    #[test]
    fn another_school_and_the_requester_cannot_decide() {
        let submitted = RequestStatus::Submitted;
        assert_eq!(
            decide(submitted, PARTNER, Some(HOST), OTHER, &accept()),
            Err(DecisionRefusal::NotAddressedHere)
        );
        assert_eq!(
            decide(submitted, PARTNER, None, PARTNER, &accept()),
            Err(DecisionRefusal::OwnRequest)
        );
    }

    #[test]
    fn an_open_request_is_taken_by_any_school_but_declined_by_none() {
        let submitted = RequestStatus::Submitted;
        assert_eq!(
            decide(submitted, PARTNER, None, OTHER, &accept()),
            Ok(RequestStatus::Accepted)
        );
        assert_eq!(
            decide(submitted, PARTNER, None, OTHER, &decline()),
            Err(DecisionRefusal::CannotDeclineOpenRequest)
        );
    }

    #[test]
    fn a_decided_request_stays_decided() {
        for status in [
            RequestStatus::Accepted,
            RequestStatus::Declined,
            RequestStatus::Answered,
        ] {
            assert_eq!(
                decide(status, PARTNER, Some(HOST), HOST, &accept()),
                Err(DecisionRefusal::AlreadyDecided)
            );
        }
    }

    #[test]
    fn a_request_needs_a_real_need_and_a_future_deadline() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let input = RequestInput {
            need: "Методика формирующего оценивания для 5–6 классов".into(),
            audience: "Учителя математики".into(),
            desired_form: None,
            deadline: NaiveDate::from_ymd_opt(2026, 11, 26),
            target_org_id: None,
            resource_id: None,
        };
        assert_eq!(invalid(NewRequest::parse(&input, today)), "deadline OutOfRange");
        let ok = RequestInput {
            deadline: Some(today),
            ..input.clone()
        };
        assert!(NewRequest::parse(&ok, today).is_ok());
        let vague = RequestInput {
            need: "Помогите".into(),
            deadline: None,
            ..input
        };
        assert_eq!(invalid(NewRequest::parse(&vague, today)), "need TooShort");
    }
}
