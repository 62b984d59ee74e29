//! Feedback tied to people (docs/decisions.md, 29), tried as the demo's accounts would:
//! a link names an e-mail; one link and one answer per e-mail and delivery, compared
//! without case and spaces; no more links than the people a delivery reached, even when
//! asked for at once; distinct respondents counted. Every refusal is read back: nothing
//! changed.

use backend::db::schema::{deliveries, feedback, feedback_links};
use diesel::prelude::*;
use futures_util::future::join_all;
use openapi::FieldErrorCode::{self, InvalidFormat, NotAllowed, Required};
use openapi::Page;
use openapi::feedback::{Feedback, FeedbackLink, IssuedFeedbackLink, Metrics, RegistryItem};
use openapi::lifecycle::Delivery;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tests::{TestApp, spawn_app};

/// The demo municipality, signed in as the host school's teacher, the receiving school's
/// partner and the committee.
struct Demo {
    app: TestApp,
    teacher: String,
    partner: String,
    committee: String,
    /// The demo's delivery of the task bank to СОШ № 12, as the model for new ones.
    bank: Delivery,
}

async fn demo() -> Demo {
    let app = spawn_app().await;
    let storage = app.state.storage.clone();
    app.with_db(|conn| backend::demo::load_if_empty(conn, storage.as_ref()))
        .unwrap();
    let password = backend::demo::DEMO_PASSWORD;
    let teacher = app.login("teacher@sch61.demo", password).await.access_token;
    let partner = app.login("partner@sch12.demo", password).await.access_token;
    let committee = app.login("committee@kom.demo", password).await.access_token;
    let page: Page<Delivery> = app
        .get("/api/deliveries?per_page=100", Some(&partner))
        .await
        .json(StatusCode::OK);
    let bank = page.items.into_iter().min_by_key(|delivery| delivery.id).unwrap();
    Demo {
        app,
        teacher,
        partner,
        committee,
        bank,
    }
}

impl Demo {
    /// The teacher records another delivery of the bank to СОШ № 12, reaching `recipients`.
    async fn delivery(&self, recipients: u32) -> Delivery {
        let body = json!({"version_id": self.bank.version_id, "recipient_org_id": self.bank.recipient_org_id,
            "delivered_on": tests::days_from_today(0), "form": "training", "contact": "Орлова Н. П.",
            "recipients": recipients});
        let path = format!("/api/resources/{}/deliveries", self.bank.resource_id);
        self.app
            .post(&path, Some(&self.teacher), &body)
            .await
            .json(StatusCode::CREATED)
    }

    /// The partner asks for a link with `body`.
    async fn ask(&self, delivery: &Delivery, body: Value) -> tests::Reply {
        let path = format!("/api/deliveries/{}/feedback-links", delivery.id);
        self.app.post(&path, Some(&self.partner), &body).await
    }

    /// The links stored for a delivery, and its counter of issued links.
    fn stored_links(&self, delivery: &Delivery) -> (i64, i32) {
        self.app
            .with_db(|conn| {
                let rows = feedback_links::table
                    .filter(feedback_links::delivery_id.eq(delivery.id))
                    .count()
                    .get_result(conn)?;
                let counter = deliveries::table
                    .find(delivery.id)
                    .select(deliveries::feedback_links_issued)
                    .first(conn)?;
                diesel::QueryResult::Ok((rows, counter))
            })
            .unwrap()
    }

    /// The answers stored about a delivery.
    fn stored_answers(&self, delivery: &Delivery) -> i64 {
        self.app
            .with_db(|conn| {
                feedback::table
                    .filter(feedback::delivery_id.eq(delivery.id))
                    .count()
                    .get_result(conn)
            })
            .unwrap()
    }

    /// The host school's responses and respondents in the committee's registry.
    async fn registry_row(&self) -> (i64, i64) {
        let page: Page<RegistryItem> = self
            .app
            .get("/api/registry", Some(&self.committee))
            .await
            .json(StatusCode::OK);
        let row = page
            .items
            .into_iter()
            .find(|row| row.org_id == self.bank.org_id)
            .unwrap();
        (row.responses, row.respondents)
    }

    /// A link for `email` on `delivery`, answered by its respondent.
    async fn answered_link(&self, delivery: &Delivery, email: &str) {
        let link: FeedbackLink = self
            .ask(delivery, json!({ "email": email }))
            .await
            .json(StatusCode::CREATED);
        self.app
            .post(&format!("/api/public/feedback/{}", link.token), None, &answer())
            .await
            .json::<Feedback>(StatusCode::CREATED);
    }

    /// The bank's metrics, as its school reads them.
    async fn bank_metrics(&self) -> Metrics {
        let path = format!("/api/resources/{}/metrics", self.bank.resource_id);
        self.app.get(&path, Some(&self.teacher)).await.json(StatusCode::OK)
    }
}

fn answer() -> Value {
    json!({"csat": 5, "recommend": 9, "ready": true, "comment": ""})
}

#[tokio::test]
async fn a_partner_opens_no_more_links_than_the_people_the_delivery_reached() {
    let d = demo().await;
    let delivery = d.delivery(2).await;
    assert_eq!((delivery.recipients, delivery.feedback_links), (2, 0));
    for email in ["belova@sch12.demo", "grishina@sch12.demo"] {
        d.ask(&delivery, json!({"email": email}))
            .await
            .json::<FeedbackLink>(StatusCode::CREATED);
    }
    let refused = d
        .ask(&delivery, json!({"email": "sokolova@sch12.demo"}))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        refused.reason.map(openapi::RefusalReason::as_str),
        Some("feedback_link_limit")
    );
    assert_eq!(d.stored_links(&delivery), (2, 2), "the refused link was stored");
    let listed: Page<IssuedFeedbackLink> = d
        .app
        .get(
            &format!("/api/deliveries/{}/feedback-links", delivery.id),
            Some(&d.partner),
        )
        .await
        .json(StatusCode::OK);
    let mut emails: Vec<_> = listed.items.iter().filter_map(|link| link.email.clone()).collect();
    emails.sort();
    assert_eq!(emails, ["belova@sch12.demo", "grishina@sch12.demo"]);
    let seen: Page<Delivery> = d
        .app
        .get(
            &format!("/api/deliveries?resource_id={}", d.bank.resource_id),
            Some(&d.partner),
        )
        .await
        .json(StatusCode::OK);
    let row = seen.items.iter().find(|row| row.id == delivery.id).unwrap();
    assert_eq!((row.recipients, row.feedback_links), (2, 2));
    // The rated school neither reads the e-mails nor states a delivery beyond the cap.
    d.app
        .get(
            &format!("/api/deliveries/{}/feedback-links", delivery.id),
            Some(&d.teacher),
        )
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let path = format!("/api/resources/{}/deliveries", d.bank.resource_id);
    let body = json!({"version_id": d.bank.version_id, "recipient_org_id": d.bank.recipient_org_id,
        "delivered_on": tests::days_from_today(0), "form": "training", "contact": "Орлова Н. П.", "recipients": 201});
    let too_many = d
        .app
        .post(&path, Some(&d.teacher), &body)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(too_many.errors[0].field, "recipients");
}

#[tokio::test]
async fn the_same_e_mail_in_another_case_or_with_spaces_gets_no_second_link() {
    let d = demo().await;
    let delivery = d.delivery(5).await;
    let first: FeedbackLink = d
        .ask(
            &delivery,
            json!({"email": "Belova.T@sch12.demo", "respondent": "Белова Т. Н."}),
        )
        .await
        .json(StatusCode::CREATED);
    assert_eq!(first.email, "belova.t@sch12.demo");
    for again in [
        "belova.t@sch12.demo",
        "  BELOVA.T@SCH12.DEMO  ",
        "\tBelova.t@Sch12.Demo\n",
    ] {
        let refused = d
            .ask(&delivery, json!({"email": again}))
            .await
            .problem(StatusCode::CONFLICT, "conflict");
        assert_eq!(
            refused.reason.map(openapi::RefusalReason::as_str),
            Some("feedback_respondent_linked"),
            "{again:?}"
        );
    }
    assert_eq!(
        d.stored_links(&delivery),
        (1, 1),
        "a second link of one e-mail was stored"
    );
}

#[tokio::test]
async fn the_same_e_mail_answers_a_delivery_once_in_the_app_or_by_link() {
    let d = demo().await;
    let delivery = d.delivery(5).await;
    // A link for the partner's own e-mail, then the partner answers in the app: the link
    // no longer answers.
    let own: FeedbackLink = d
        .ask(&delivery, json!({"email": " Partner@SCH12.demo"}))
        .await
        .json(StatusCode::CREATED);
    d.app
        .post(
            &format!("/api/deliveries/{}/feedback", delivery.id),
            Some(&d.partner),
            &answer(),
        )
        .await
        .json::<Feedback>(StatusCode::CREATED);
    let before = d.bank_metrics().await;
    let refused = d
        .app
        .post(&format!("/api/public/feedback/{}", own.token), None, &answer())
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        refused.reason.map(openapi::RefusalReason::as_str),
        Some("already_answered")
    );
    // Once answered, the e-mail gets no new link either.
    let again = d
        .ask(&delivery, json!({"email": "partner@sch12.demo"}))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        again.reason.map(openapi::RefusalReason::as_str),
        Some("feedback_respondent_linked")
    );
    assert_eq!(d.stored_answers(&delivery), 1);
    assert_eq!(d.stored_links(&delivery), (1, 1));
    assert_eq!(d.bank_metrics().await, before, "a refused answer moved the figures");
}

#[tokio::test]
async fn a_link_without_a_valid_e_mail_or_with_another_schools_account_is_refused() {
    let d = demo().await;
    let delivery = d.delivery(5).await;
    let teacher_id = d
        .app
        .get("/api/me", Some(&d.teacher))
        .await
        .json::<openapi::users::Me>(StatusCode::OK)
        .id;
    for (body, field, code) in [
        (json!({"respondent": "Белова Татьяна"}), "email", Required),
        (
            json!({"email": "   ", "respondent": "Белова Татьяна"}),
            "email",
            Required,
        ),
        (json!({"email": "belova.sch12.demo"}), "email", InvalidFormat),
        (json!({"email": "belova@sch12"}), "email", InvalidFormat),
        (json!({"email": 42}), "email", InvalidFormat),
        (json!({"user_id": teacher_id}), "user_id", NotAllowed),
    ] {
        let refused = d
            .ask(&delivery, body.clone())
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        let named: Vec<(&str, FieldErrorCode)> = refused
            .errors
            .iter()
            .map(|error| (error.field.as_str(), error.code))
            .collect();
        assert_eq!(named, [(field, code)], "{body}");
    }
    assert_eq!(d.stored_links(&delivery), (0, 0), "a refused link was stored");
}

#[tokio::test]
async fn eight_links_asked_at_once_for_a_delivery_reaching_three_make_exactly_three() {
    let d = demo().await;
    let delivery = d.delivery(3).await;
    let replies = join_all((0..8).map(|n| d.ask(&delivery, json!({"email": format!("teacher{n}@sch12.demo")})))).await;
    let created = replies
        .iter()
        .filter(|reply| reply.status == StatusCode::CREATED)
        .count();
    assert_eq!(created, 3, "{replies:?}");
    for reply in replies.iter().filter(|reply| reply.status != StatusCode::CREATED) {
        let refused = reply.problem(StatusCode::CONFLICT, "conflict");
        assert_eq!(
            refused.reason.map(openapi::RefusalReason::as_str),
            Some("feedback_link_limit")
        );
    }
    assert_eq!(d.stored_links(&delivery), (3, 3));

    // One e-mail asked for eight times at once: one link.
    let roomy = d.delivery(8).await;
    let replies = join_all((0..8).map(|n| {
        let email = if n % 2 == 0 {
            "Same@sch12.demo"
        } else {
            " same@SCH12.demo "
        };
        d.ask(&roomy, json!({"email": email}))
    }))
    .await;
    let created = replies
        .iter()
        .filter(|reply| reply.status == StatusCode::CREATED)
        .count();
    assert_eq!(created, 1, "{replies:?}");
    assert_eq!(d.stored_links(&roomy), (1, 1));
}

#[tokio::test]
async fn a_person_who_rates_two_deliveries_counts_as_one_respondent() {
    let d = demo().await;
    let before = d.bank_metrics().await;
    assert_eq!((before.responses, before.respondents), (5, 5));
    let (school_responses, school_respondents) = d.registry_row().await;
    // Белова answered the demo's delivery by link; she answers the new one too.
    let delivery = d.delivery(5).await;
    d.answered_link(&delivery, "BELOVA@sch12.demo").await;
    let after = d.bank_metrics().await;
    assert_eq!((after.responses, after.respondents), (6, 5));
    assert_eq!(d.registry_row().await, (school_responses + 1, school_respondents));
    // A new person is a new respondent.
    d.answered_link(&delivery, "sokolova@sch12.demo").await;
    assert_eq!(
        (d.bank_metrics().await.respondents, d.registry_row().await.1),
        (6, school_respondents + 1)
    );
}
