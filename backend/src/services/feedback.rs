//! Satisfaction feedback on deliveries: answered in the app by the consumer school, or
//! without an account through a signed single-use link the consumer school issues
//! (`services::feedback_links`). Every answer records its respondent's e-mail (the
//! account's in the app, the link's by link), and an e-mail answers a delivery once.
//! Answers are audited.

use super::access::{self, Access};
use super::{Caller, Outcome, write};
use crate::auth::jwt::LinkClaims;
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::delivery::{self, DeliveryRow};
use crate::db::models::feedback::{self, NewFeedback, VIA_APP, VIA_LINK};
use crate::db::models::{PageRequest, feedback_link, organisation, resource};
use crate::domain::feedback::{Answer, already_answered};
use crate::error::ApiError;
use openapi::FeedbackId;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::feedback::{Feedback, FeedbackInput, FeedbackInvitation};
use openapi::{DeliveryId, Page, PageQuery, ResourceId};

/// The answers about a resource, newest first: for its school and the committee.
pub fn list(conn: &mut DbConnection, caller: &Caller, id: ResourceId, page: &PageQuery) -> Outcome<Page<Feedback>> {
    let page = PageRequest::parse(page)?;
    access::resource_of_school(conn, &caller.actor, id)?;
    let (items, total) = feedback::list_for_resource(conn, id, page)?;
    Ok(page.wrap(items, total))
}

/// Rates a delivery to the caller's school (its partner staff or administration), once
/// per person: by account and by the account's e-mail (`409 already_answered`).
pub fn submit(conn: &mut DbConnection, caller: &Caller, id: DeliveryId, input: &FeedbackInput) -> Outcome<Feedback> {
    let answer = Answer::parse(input)?;
    write(conn, |conn| {
        let found = access::delivery(conn, &caller.actor, id, Access::Edit)?;
        let email = caller.me.email.trim().to_lowercase();
        let respondent = Respondent {
            key: format!("user:{}", caller.actor.user_id.0),
            email: Some(email.as_str()),
            user: Some(caller.actor.user_id.0),
            name: &caller.me.full_name,
            via: VIA_APP,
        };
        record(conn, &found, &answer, &respondent)
    })
}

/// What a verified link is about, for the public feedback page; a used link is refused.
pub fn invitation(conn: &mut DbConnection, claims: LinkClaims) -> Outcome<FeedbackInvitation> {
    if !feedback_link::unused(conn, &claims.jti)? {
        return Err(used());
    }
    let found = delivery::find(conn, DeliveryId(claims.delivery))?;
    let names = organisation::short_names(conn, [found.org_id, found.recipient_org_id])?;
    Ok(FeedbackInvitation {
        resource_title: resource::find(conn, ResourceId(found.resource_id))?.title,
        host_short_name: names.get(&found.org_id).cloned().unwrap_or_default(),
        recipient_short_name: names.get(&found.recipient_org_id).cloned().unwrap_or_default(),
        delivered_on: found.delivered_on,
        respondent: claims.respondent,
    })
}

/// Rates the delivery named by a verified link. The link works once; the e-mail it names
/// answers once per delivery (`409 already_answered`, say after answering in the app).
pub fn submit_by_link(conn: &mut DbConnection, claims: &LinkClaims, input: &FeedbackInput) -> Outcome<Feedback> {
    let answer = Answer::parse(input)?;
    write(conn, |conn| {
        let Some(email) = feedback_link::spend(conn, &claims.jti)? else {
            return Err(used());
        };
        let found = delivery::find(conn, DeliveryId(claims.delivery))?;
        let key = match &email {
            Some(email) => format!("email:{email}"),
            None => format!("link:{}", claims.respondent.trim().to_lowercase()),
        };
        let respondent = Respondent {
            key,
            email: email.as_deref(),
            user: None,
            name: &claims.respondent,
            via: VIA_LINK,
        };
        record(conn, &found, &answer, &respondent)
    })
}

/// Who answers: the key and the e-mail that allow one answer per delivery, the account
/// (in the app), the name shown and the channel.
struct Respondent<'a> {
    key: String,
    email: Option<&'a str>,
    user: Option<i64>,
    name: &'a str,
    via: &'a str,
}

/// Stores an answer about a delivery and audits it (as the consumer school's record, by
/// the signed-in respondent or nobody for a link); a second answer of the same
/// respondent is a `409 already_answered`.
fn record(
    conn: &mut DbConnection,
    delivery: &DeliveryRow,
    answer: &Answer,
    respondent: &Respondent<'_>,
) -> Outcome<Feedback> {
    let new = NewFeedback {
        delivery_id: delivery.id,
        resource_id: delivery.resource_id,
        org_id: delivery.org_id,
        recipient_org_id: delivery.recipient_org_id,
        respondent_key: &respondent.key,
        respondent_email: respondent.email,
        respondent_user_id: respondent.user,
        respondent_name: respondent.name,
        csat: answer.csat,
        recommend: answer.recommend,
        ready: answer.ready,
        comment: &answer.comment,
        via: respondent.via,
    };
    let id = feedback::insert(conn, &new).map_err(|err| match ApiError::from(err) {
        ApiError::Conflict { .. } => already_answered().into(),
        other => other,
    })?;
    let answer = feedback::load(conn, FeedbackId(id))?;
    let mut event = Event::new(AuditAction::Create, AuditEntity::Feedback, id)
        .of(openapi::OrganisationId(delivery.recipient_org_id))
        .after(&answer);
    if let Some(user) = respondent.user {
        event = event.by(openapi::UserId(user));
    }
    event.record(conn)?;
    Ok(answer)
}

/// The refusal of a link that has been used.
fn used() -> ApiError {
    ApiError::Conflict {
        detail: "This feedback link has been used already.".to_owned(),
        errors: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::JwtKeys;
    use crate::db::schema::deliveries;
    use crate::services::feedback_links::link;
    use crate::services::seeded::{self, Seeded};
    use diesel::prelude::*;
    use openapi::feedback::FeedbackLinkInput;

    fn answer(csat: u8) -> FeedbackInput {
        FeedbackInput {
            csat,
            recommend: 9,
            ready: true,
            comment: String::new(),
        }
    }

    /// The demo's latest delivery to the gymnasium: the training course, not rated yet.
    fn course_delivery(db: &mut Seeded, recipient: openapi::OrganisationId) -> DeliveryId {
        deliveries::table
            .filter(deliveries::recipient_org_id.eq(recipient.0))
            .order(deliveries::id.desc())
            .select(deliveries::id)
            .first::<i64>(&mut **db.conn)
            .map(DeliveryId)
            .unwrap()
    }

    #[test]
    fn the_consumer_school_rates_a_delivery_once_and_others_may_not() {
        let mut db = seeded::demo();
        let partner = db.caller("partner@gym17.demo");
        let teacher = db.caller("teacher@sch61.demo");
        let stranger = db.caller("partner@sch12.demo");
        let id = course_delivery(&mut db, partner.actor.org_id);
        let conn = &mut db.conn;
        assert!(matches!(
            submit(conn, &stranger, id, &answer(5)),
            Err(ApiError::NotFound)
        ));
        assert!(matches!(
            submit(conn, &teacher, id, &answer(5)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            submit(conn, &partner, id, &answer(9)),
            Err(ApiError::Validation(_))
        ));
        let rated = submit(conn, &partner, id, &answer(4)).unwrap();
        assert_eq!((rated.csat, rated.via.as_str()), (4, "app"));
        assert_eq!(rated.respondent_name, partner.me.full_name);
        assert!(matches!(
            submit(conn, &partner, id, &answer(5)),
            Err(ApiError::Refused {
                reason: openapi::RefusalReason::AlreadyAnswered,
                ..
            })
        ));
    }

    #[test]
    fn a_link_from_the_consumer_school_is_answered_once_without_an_account() {
        let mut db = seeded::demo();
        let teacher = db.caller("teacher@sch61.demo");
        let partner = db.caller("partner@gym17.demo");
        let stranger = db.caller("partner@sch12.demo");
        let id = course_delivery(&mut db, partner.actor.org_id);
        let keys = JwtKeys::from_secret(b"0123456789abcdef0123456789abcdef");
        let input = FeedbackLinkInput {
            email: " Mironova@Gym17.demo ".into(),
            respondent: "Миронова Ольга, учитель".into(),
            valid_days: Some(7),
            ..FeedbackLinkInput::default()
        };
        assert!(matches!(
            link(&mut db.conn, &stranger, &keys, id, &input),
            Err(ApiError::NotFound)
        ));
        // The rated (host) school reads the delivery but issues no links.
        assert!(matches!(
            link(&mut db.conn, &teacher, &keys, id, &input),
            Err(ApiError::Forbidden)
        ));
        let issued = link(&mut db.conn, &partner, &keys, id, &input).unwrap();
        assert_eq!(issued.email, "mironova@gym17.demo");
        let trail = seeded::audit_of(&mut db.conn, "delivery", id.0);
        let (action, actor, _, after) = trail.last().unwrap();
        assert_eq!((action.as_str(), *actor), ("link_issue", Some(partner.actor.user_id.0)));
        assert!(after.as_deref().unwrap().contains("Миронова"));
        assert!(after.as_deref().unwrap().contains("mironova@gym17.demo"));
        assert!(!after.as_deref().unwrap().contains(&issued.token));
        let claims = keys.verify_link(&issued.token).unwrap();
        let invited = invitation(&mut db.conn, claims.clone()).unwrap();
        assert_eq!(invited.respondent, "Миронова Ольга, учитель");
        assert_eq!(invited.recipient_short_name, partner.me.organisation.short_name);
        let rated = submit_by_link(&mut db.conn, &claims, &answer(5)).unwrap();
        assert_eq!(
            (rated.via.as_str(), rated.respondent_name.as_str()),
            ("link", "Миронова Ольга, учитель")
        );
        let trail = seeded::audit_of(&mut db.conn, "feedback", rated.id);
        assert_eq!(trail.len(), 1);
        assert_eq!((trail[0].0.as_str(), trail[0].1), ("create", None));
        let used = |err: ApiError| matches!(err, ApiError::Conflict { detail, .. } if detail.contains("used"));
        assert!(used(submit_by_link(&mut db.conn, &claims, &answer(5)).unwrap_err()));
        assert!(used(invitation(&mut db.conn, claims).unwrap_err()));
    }
}
