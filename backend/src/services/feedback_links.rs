//! Feedback links: signed single-use links a receiving school issues so that the people
//! a delivery reached rate it without an account (docs/decisions.md, 15 and 29). A link
//! names its respondent's e-mail (or an account of the receiving school, whose e-mail it
//! takes); an e-mail gets one link per delivery, and a delivery at most as many links as
//! the people it reached. Issues are audited.

use super::access::{self, Access};
use super::{Caller, Outcome, write};
use crate::auth::JwtKeys;
use crate::auth::jwt::{FEEDBACK_AUDIENCE, ISSUER, LinkClaims};
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::feedback_link::{self, NewLink};
use crate::db::models::{Locked, PageRequest, delivery, lock, user};
use crate::domain::feedback::{Account, LinkRequest, link_limit_reached, respondent_linked};
use crate::error::ApiError;
use chrono::{DateTime, TimeDelta, Utc};
use diesel::OptionalExtension;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::feedback::{FeedbackLink, FeedbackLinkInput, IssuedFeedbackLink};
use openapi::{DeliveryId, Page, PageQuery};

/// What the audit trail keeps of an issued link: whom it is for and until when (never
/// the token).
#[derive(Debug, serde::Serialize)]
struct IssuedLink<'a> {
    respondent: &'a str,
    email: &'a str,
    expires_at: DateTime<Utc>,
}

/// Issues a signed single-use link for one respondent of the consumer school, who rates
/// the delivery without an account: by the consumer school's partner staff or
/// administration (the host school may not; `403`). The respondent is an e-mail, or an
/// active account of the consumer school (`422` on `email` / `user_id`); an e-mail that
/// has a link or an answer on this delivery is refused (`409
/// feedback_respondent_linked`), and so is a link beyond the people the delivery reached
/// (`409 feedback_link_limit`): both are checked under the delivery's row lock. Audited.
pub fn link(
    conn: &mut DbConnection,
    caller: &Caller,
    keys: &JwtKeys,
    id: DeliveryId,
    input: &FeedbackLinkInput,
) -> Outcome<FeedbackLink> {
    let request = LinkRequest::parse(input)?;
    write(conn, |conn| {
        let found = access::delivery(conn, &caller.actor, id, Access::Edit)?;
        let account = match request.user {
            Some(named) => user::find(conn, named)
                .optional()?
                .filter(|row| row.is_active && row.org_id == found.recipient_org_id)
                .map(|row| Account {
                    email: row.email,
                    name: row.full_name,
                }),
            None => None,
        };
        let respondent = request.respondent(account)?;
        lock(conn, Locked::Delivery, id.0)?;
        if feedback_link::respondent_known(conn, id, &respondent.email)? {
            return Err(respondent_linked().into());
        }
        if !feedback_link::take_slot(conn, id)? {
            return Err(link_limit_reached(delivery::find(conn, id)?.recipients).into());
        }
        let expires_at = crate::db::models::now() + TimeDelta::days(i64::from(request.valid_days));
        let jti = uuid::Uuid::new_v4().to_string();
        let new = NewLink {
            jti: &jti,
            delivery: id,
            email: &respondent.email,
            respondent: &respondent.name,
            expires_at,
            by: caller.actor.user_id,
        };
        feedback_link::insert(conn, &new).map_err(|err| match ApiError::from(err) {
            ApiError::Conflict { .. } => respondent_linked().into(),
            other => other,
        })?;
        Event::new(AuditAction::LinkIssue, AuditEntity::Delivery, id.0)
            .by(caller.actor.user_id)
            .of(openapi::OrganisationId(found.recipient_org_id))
            .after(&IssuedLink {
                respondent: &respondent.name,
                email: &respondent.email,
                expires_at: expires_at.and_utc(),
            })
            .record(conn)?;
        let claims = LinkClaims {
            jti,
            delivery: id.0,
            respondent: respondent.name.clone(),
            iss: ISSUER.to_owned(),
            aud: FEEDBACK_AUDIENCE.to_owned(),
            exp: expires_at.and_utc().timestamp(),
        };
        let token = keys.issue_link(&claims)?;
        Ok(FeedbackLink {
            path: format!("/feedback/{token}"),
            token,
            email: respondent.email,
            respondent: respondent.name,
            expires_at: expires_at.and_utc(),
        })
    })
}

/// The links issued for a delivery, newest first, with their e-mails and whether they
/// were answered: for those who issue them (the consumer school's partner staff and
/// administration), not for the rated school (`403`).
pub fn links(
    conn: &mut DbConnection,
    caller: &Caller,
    id: DeliveryId,
    page: &PageQuery,
) -> Outcome<Page<IssuedFeedbackLink>> {
    let page = PageRequest::parse(page)?;
    access::delivery(conn, &caller.actor, id, Access::Edit)?;
    let (items, total) = feedback_link::list(conn, id, page)?;
    Ok(page.wrap(items, total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::schema::deliveries;
    use crate::services::seeded::{self, Seeded};
    use diesel::prelude::*;
    use openapi::RefusalReason;

    fn keys() -> JwtKeys {
        JwtKeys::from_secret(b"0123456789abcdef0123456789abcdef")
    }

    fn for_email(email: &str) -> FeedbackLinkInput {
        FeedbackLinkInput {
            email: email.into(),
            ..FeedbackLinkInput::default()
        }
    }

    /// The demo's latest delivery to the partner's school, with room for `recipients`.
    fn delivery_for(db: &mut Seeded, recipient: openapi::OrganisationId, recipients: i32) -> DeliveryId {
        let id = deliveries::table
            .filter(deliveries::recipient_org_id.eq(recipient.0))
            .order(deliveries::id.desc())
            .select(deliveries::id)
            .first::<i64>(&mut **db.conn)
            .unwrap();
        diesel::update(deliveries::table.find(id))
            .set(deliveries::recipients.eq(recipients))
            .execute(&mut **db.conn)
            .unwrap();
        DeliveryId(id)
    }

    fn refused(outcome: Outcome<FeedbackLink>) -> RefusalReason {
        match outcome {
            Err(ApiError::Refused { reason, .. }) => reason,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn a_delivery_has_as_many_links_as_people_it_reached_and_one_per_e_mail() {
        let mut db = seeded::demo();
        let partner = db.caller("partner@gym17.demo");
        let issued: i32 = deliveries::table
            .filter(deliveries::recipient_org_id.eq(partner.actor.org_id.0))
            .order(deliveries::id.desc())
            .select(deliveries::feedback_links_issued)
            .first(&mut **db.conn)
            .unwrap();
        let id = delivery_for(&mut db, partner.actor.org_id, issued + 2);
        let (conn, keys) = (&mut db.conn, keys());
        link(conn, &partner, &keys, id, &for_email("first@gym17.demo")).unwrap();
        let again = link(conn, &partner, &keys, id, &for_email("  FIRST@Gym17.demo "));
        assert_eq!(refused(again), RefusalReason::FeedbackRespondentLinked);
        link(conn, &partner, &keys, id, &for_email("second@gym17.demo")).unwrap();
        let third = link(conn, &partner, &keys, id, &for_email("third@gym17.demo"));
        assert_eq!(refused(third), RefusalReason::FeedbackLinkLimit);
        let all = PageQuery {
            page: None,
            per_page: Some(100),
        };
        let mut emails: Vec<String> = links(conn, &partner, id, &all)
            .unwrap()
            .items
            .into_iter()
            .filter_map(|l| l.email)
            .collect();
        emails.sort();
        assert_eq!(emails, ["first@gym17.demo", "second@gym17.demo"]);
    }

    #[test]
    fn a_link_for_an_account_takes_its_e_mail_and_refuses_another_schools_account() {
        let mut db = seeded::demo();
        let partner = db.caller("partner@gym17.demo");
        let stranger = db.caller("partner@sch12.demo");
        let id = delivery_for(&mut db, partner.actor.org_id, 50);
        let (conn, keys) = (&mut db.conn, keys());
        let named = |user: openapi::UserId| FeedbackLinkInput {
            user_id: Some(user),
            ..FeedbackLinkInput::default()
        };
        // The partner asks himself: the link takes his account's e-mail and name.
        let issued = link(conn, &partner, &keys, id, &named(partner.actor.user_id)).unwrap();
        assert_eq!(
            (issued.email.as_str(), issued.respondent.as_str()),
            (partner.me.email.as_str(), partner.me.full_name.as_str())
        );
        let err = link(conn, &partner, &keys, id, &named(stranger.actor.user_id)).unwrap_err();
        assert!(matches!(err, ApiError::Validation(errors) if errors[0].field == "user_id"));
        let same_person = for_email(&partner.me.email.to_uppercase());
        assert_eq!(
            refused(link(conn, &partner, &keys, id, &same_person)),
            RefusalReason::FeedbackRespondentLinked
        );
    }

    #[test]
    fn a_link_request_is_checked_before_the_delivery() {
        let mut db = seeded::demo();
        let teacher = db.caller("teacher@sch61.demo");
        let input = FeedbackLinkInput {
            respondent: "Миронова".into(),
            valid_days: Some(61),
            ..FeedbackLinkInput::default()
        };
        let err = link(&mut db.conn, &teacher, &keys(), DeliveryId(9999), &input).unwrap_err();
        let fields = match err {
            ApiError::Validation(errors) => errors.into_iter().map(|e| e.field).collect::<Vec<_>>(),
            other => panic!("expected invalid fields, got {other:?}"),
        };
        assert_eq!(fields, ["email", "valid_days"]);
    }
}
