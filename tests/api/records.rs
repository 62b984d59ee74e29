//! Records people rely on cannot be forged (Regulation 1.3 c, 2.3): each abuse of the
//! training records tried as a hostile or careless user would — enrolling people of
//! another school, marking and completing oneself, harvesting names from the public
//! check, lowering a capacity while teachers enrol — and read back unchanged.

use crate::cohorts::{cohort_body, enrol, mark};
use openapi::cohorts::{Certificate, CertificateCheck, Cohort, Enrolment, EnrolmentStatus};
use openapi::dissemination::Dissemination;
use openapi::users::Role;
use openapi::{OrganisationId, Page};
use reqwest::{Method, StatusCode};
use serde_json::json;
use tests::fixtures::{Account, HostSchool, TestOrg, TestUser};
use tests::{TestApp, spawn_app};

/// A host school with a training programme, a teacher of its own, and another school
/// with its director and a teacher.
struct Training {
    host: HostSchool,
    programme: i64,
    host_teacher: Account,
    host_teacher_token: String,
    other_director: String,
    other_teacher: Account,
    other_teacher_token: String,
}

async fn training(app: &TestApp) -> Training {
    let host = HostSchool::create(app, "СОШ № 61").await;
    let programme: openapi::resources::Resource = app
        .post(
            &format!("/api/projects/{}/resources", host.project.id),
            Some(&host.staff),
            &json!({
                "title": "Формирующее оценивание на уроке",
                "form": "training_programme",
                "hours": 36,
                "programme_format": "blended",
                "authors": [{"name": "Смирнов Андрей Игоревич", "share": 100}],
                "licence": "CC BY 4.0",
                "visibility": "published"
            }),
        )
        .await
        .json(StatusCode::CREATED);
    let host_teacher = TestUser::new(host.org, &[Role::Staff])
        .named("Лебедева Светлана Олеговна")
        .create(app);
    let host_teacher_token = host_teacher.token(app).await;
    let other = TestOrg::school("СОШ № 12").create(app);
    let other_director = TestUser::new(other, &[Role::Admin]).create(app).token(app).await;
    let other_teacher = TestUser::new(other, &[Role::Staff])
        .named("Орлова Наталья Павловна")
        .create(app);
    let other_teacher_token = other_teacher.token(app).await;
    Training {
        host,
        programme: programme.id.0,
        host_teacher,
        host_teacher_token,
        other_director,
        other_teacher,
        other_teacher_token,
    }
}

impl Training {
    /// The other school's teacher enrolled in a new cohort, marked at every session and
    /// completed by the host: her enrolment and her certificate's number.
    async fn certified(&self, app: &TestApp) -> (Enrolment, String) {
        let cohort = self.cohort(app, 10).await;
        let placed = enrol(app, &self.other_teacher_token, &cohort).await;
        for session in 0..cohort.sessions.len() {
            mark(app, &self.host.staff, &cohort, session, &[placed.id.0]).await;
        }
        let number = complete(app, &self.host.staff, &placed)
            .await
            .certificate_number
            .unwrap();
        (placed, number)
    }

    async fn cohort(&self, app: &TestApp, capacity: i32) -> Cohort {
        app.post(
            &format!("/api/resources/{}/cohorts", self.programme),
            Some(&self.host.staff),
            &cohort_body(capacity, -3),
        )
        .await
        .json(StatusCode::CREATED)
    }
}

async fn enrolments(app: &TestApp, token: &str, cohort: &Cohort) -> Page<Enrolment> {
    app.get(
        &format!("/api/cohorts/{}/enrolments?per_page=100", cohort.id),
        Some(token),
    )
    .await
    .json(StatusCode::OK)
}

async fn complete(app: &TestApp, token: &str, enrolment: &Enrolment) -> Enrolment {
    app.post(
        &format!("/api/enrolments/{}/complete", enrolment.id),
        Some(token),
        &json!({}),
    )
    .await
    .json(StatusCode::OK)
}

#[tokio::test]
async fn a_host_never_enrols_people_of_another_school_and_learns_nothing_of_their_accounts() {
    let app = spawn_app().await;
    let t = training(&app).await;
    let cohort = t.cohort(&app, 10).await;
    let path = format!("/api/cohorts/{}/enrolments", cohort.id);
    // The host's director tries another school's teacher, then a number nobody has: the
    // two answers are the same, and neither names anyone.
    let foreign = app
        .post(&path, Some(&t.host.staff), &json!({"user_id": t.other_teacher.id}))
        .await;
    let unknown = app.post(&path, Some(&t.host.staff), &json!({"user_id": 987_654})).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    let without_request_id = |body: &str| {
        let mut value: serde_json::Value = serde_json::from_str(body).unwrap();
        value.as_object_mut().unwrap().remove("request_id");
        value
    };
    assert_eq!(
        without_request_id(&foreign.body),
        without_request_id(&unknown.body),
        "the same body whether the account exists or not"
    );
    assert!(!foreign.body.contains("Орлова") && !foreign.body.contains("СОШ № 12"));
    // The host's teacher may not enrol a colleague; only the school's administration does.
    let colleague = TestUser::new(t.host.org, &[Role::Staff]).create(&app);
    app.post(&path, Some(&t.host_teacher_token), &json!({"user_id": colleague.id}))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(
        enrolments(&app, &t.host.staff, &cohort).await.total,
        0,
        "nothing written"
    );

    // The teacher's own school enrols her, and she enrols herself elsewhere.
    let enrolled: Enrolment = app
        .post(&path, Some(&t.other_director), &json!({"user_id": t.other_teacher.id}))
        .await
        .json(StatusCode::CREATED);
    assert_eq!(enrolled.user_id, t.other_teacher.id);
    let own_colleague = app
        .post(&path, Some(&t.host.staff), &json!({"user_id": t.host_teacher.id}))
        .await
        .json::<Enrolment>(StatusCode::CREATED);
    assert_eq!(own_colleague.org_id, t.host.org);
    assert_eq!(enrolments(&app, &t.host.staff, &cohort).await.total, 2);
}

#[tokio::test]
async fn nobody_marks_or_completes_their_own_enrolment_and_a_renamed_holder_keeps_the_certificate() {
    let app = spawn_app().await;
    let t = training(&app).await;
    let cohort = t.cohort(&app, 10).await;
    let own = enrol(&app, &t.host_teacher_token, &cohort).await;
    let attendance = format!("/api/cohort-sessions/{}/attendance", cohort.sessions[0].id);
    let refused = app
        .put(&attendance, Some(&t.host_teacher_token), &json!({"present": [own.id]}))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(refused.reason.map(|r| r.as_str()), Some("own_record"));
    let unchanged: Enrolment = app
        .get(&format!("/api/enrolments/{}", own.id), Some(&t.host_teacher_token))
        .await
        .json(StatusCode::OK);
    assert!(unchanged.attended.is_empty());

    for session in 0..cohort.sessions.len() {
        mark(&app, &t.host.staff, &cohort, session, &[own.id.0]).await;
    }
    let completing = format!("/api/enrolments/{}/complete", own.id);
    let refused = app
        .post(&completing, Some(&t.host_teacher_token), &json!({}))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(refused.reason.map(|r| r.as_str()), Some("own_record"));
    let still: Enrolment = app
        .get(&format!("/api/enrolments/{}", own.id), Some(&t.host_teacher_token))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (still.status, still.certificate_number),
        (EnrolmentStatus::Enrolled, None)
    );

    // Another person of the host completes her; renaming herself afterwards changes
    // nothing on the certificate.
    let done = complete(&app, &t.host.staff, &own).await;
    assert_eq!(done.hours, Some(18));
    app.patch(
        "/api/me",
        Some(&t.host_teacher_token),
        &json!({"full_name": "Иванова Мария Петровна"}),
    )
    .await
    .json::<serde_json::Value>(StatusCode::OK);
    let certificate: Certificate = app
        .get(
            &format!("/api/enrolments/{}/certificate", own.id),
            Some(&t.host_teacher_token),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(certificate.full_name, "Лебедева Светлана Олеговна");
}

#[tokio::test]
async fn the_public_check_masks_the_name_without_the_code_and_counts_every_lookup() {
    let app = spawn_app().await;
    let t = training(&app).await;
    let (placed, number) = t.certified(&app).await;
    let issued: Certificate = app
        .get(
            &format!("/api/enrolments/{}/certificate", placed.id),
            Some(&t.other_teacher_token),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(issued.code.len(), 20);
    let check = |query: String| format!("/api/public/certificates/{number}{query}");

    let masked: CertificateCheck = app.get(&check(String::new()), None).await.json(StatusCode::OK);
    assert_eq!(
        (masked.full_name, masked.masked_name.as_str(), masked.code_matches),
        (None, "О*** Н. П.", None)
    );
    let wrong: CertificateCheck = app
        .get(&check("?code=0000-0000-0000-0000-0000".to_owned()), None)
        .await
        .json(StatusCode::OK);
    assert_eq!((wrong.full_name, wrong.code_matches), (None, Some(false)));
    let typed = issued.code.to_lowercase();
    let full: CertificateCheck = app
        .get(&check(format!("?code={typed}")), None)
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (full.full_name.as_deref(), full.code_matches),
        (Some("Орлова Наталья Павловна"), Some(true))
    );
    // Every lookup counts, hits as well as misses: 30 in 15 minutes, then 429.
    for _ in 3..30 {
        let _: CertificateCheck = app.get(&check(String::new()), None).await.json(StatusCode::OK);
    }
    let stopped = app
        .get(&check(String::new()), None)
        .await
        .problem(StatusCode::TOO_MANY_REQUESTS, "too_many_requests");
    assert!(stopped.detail.is_some());
}

#[tokio::test]
async fn a_revoked_certificate_says_so_and_no_longer_counts() {
    let app = spawn_app().await;
    let t = training(&app).await;
    let (placed, number) = t.certified(&app).await;
    let figures = format!("/api/organisations/{}/dissemination", t.host.org);
    let before: Dissemination = app.get(&figures, Some(&t.host.staff)).await.json(StatusCode::OK);
    assert_eq!((before.certificates, before.teachers_trained), (1, 1));

    let revoking = format!("/api/enrolments/{}/certificate/revoke", placed.id);
    let reason = json!({"reason": "Выдано по ошибке: занятия не посещались"});
    // The holder, of another school, cannot; a reason is required.
    app.post(&revoking, Some(&t.other_teacher_token), &reason)
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let invalid = app
        .post(&revoking, Some(&t.host.staff), &json!({"reason": " "}))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(invalid.errors[0].field, "reason");
    let valid: CertificateCheck = app
        .get(&format!("/api/public/certificates/{number}"), None)
        .await
        .json(StatusCode::OK);
    assert_eq!(valid.revoked_on, None, "nothing revoked by the refusals");

    let revoked: Certificate = app
        .post(&revoking, Some(&t.host.staff), &reason)
        .await
        .json(StatusCode::OK);
    assert!(revoked.revoked_on.is_some());
    let again = app
        .post(&revoking, Some(&t.host.staff), &reason)
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(again.reason.map(|r| r.as_str()), Some("certificate_revoked"));
    let checked: CertificateCheck = app
        .get(&format!("/api/public/certificates/{number}"), None)
        .await
        .json(StatusCode::OK);
    assert_eq!(checked.revoked_on, revoked.revoked_on);
    let after: Dissemination = app.get(&figures, Some(&t.host.staff)).await.json(StatusCode::OK);
    assert_eq!(
        (after.certificates, after.teachers_trained, after.training_hours),
        (0, 0, 0)
    );
}

#[tokio::test]
async fn a_capacity_lowered_while_a_teacher_enrols_never_lets_one_too_many_in() {
    let app = spawn_app().await;
    let t = training(&app).await;
    let other: OrganisationId = t.other_teacher.org;
    let mut teachers = Vec::new();
    for n in 0..3 {
        let token = TestUser::new(other, &[Role::Staff])
            .named(&format!("Учитель {n}"))
            .create(&app)
            .token(&app)
            .await;
        teachers.push(token);
    }
    for _ in 0..6 {
        let cohort = t.cohort(&app, 3).await;
        for token in &teachers[..2] {
            enrol(&app, token, &cohort).await;
        }
        // The host lowers the places to 2 at the moment the third teacher enrols.
        let mut lower = cohort_body(2, -3);
        for (index, session) in cohort.sessions.iter().enumerate() {
            lower["sessions"][index]["id"] = json!(session.id);
        }
        let cohort_path = format!("/api/cohorts/{}", cohort.id);
        let enrol_path = format!("/api/cohorts/{}/enrolments", cohort.id);
        let empty = json!({});
        let etag = format!("\"{}\"", cohort.version);
        let (changed, enrolled) = futures_util::join!(
            app.send_if_match(
                Method::PUT,
                &cohort_path,
                Some(&t.host.staff),
                Some(&etag),
                Some(&lower)
            ),
            app.post(&enrol_path, Some(&teachers[2]), &empty)
        );
        assert!(
            changed.status == StatusCode::OK || changed.status == StatusCode::UNPROCESSABLE_ENTITY,
            "{changed:?}"
        );
        assert_eq!(enrolled.status, StatusCode::CREATED);
        let now: Cohort = app.get(&cohort_path, Some(&t.host.staff)).await.json(StatusCode::OK);
        assert!(
            now.enrolled <= i64::from(now.capacity),
            "{} places taken of {}",
            now.enrolled,
            now.capacity
        );
    }
}

#[tokio::test]
async fn the_demo_accounts_cannot_forge_the_demo_training_records() {
    use openapi::cohorts::TrainingHistory;
    let app = spawn_app().await;
    app.load_demo();
    let director = app.demo_token("director@sch61.demo").await;
    let teacher = app.demo_token("teacher@sch61.demo").await;
    let gymnasium = app.demo_token("partner@gym17.demo").await;
    let partner = app.demo_token("partner@sch12.demo").await;
    let history: TrainingHistory = app.get("/api/me/training", Some(&partner)).await.json(StatusCode::OK);
    let certified = history
        .enrolments
        .items
        .iter()
        .find(|e| e.status == EnrolmentStatus::Completed)
        .unwrap()
        .clone();
    let cohort = certified.cohort_id;
    let listed = format!("/api/cohorts/{cohort}/enrolments?per_page=100");
    let before: Page<Enrolment> = app.get(&listed, Some(&director)).await.json(StatusCode::OK);

    // СОШ № 61's director puts the gymnasium's partner into the school's cohort: 404.
    let gymnasium_id = app
        .get("/api/me", Some(&gymnasium))
        .await
        .json::<serde_json::Value>(StatusCode::OK)["id"]
        .as_i64()
        .unwrap();
    app.post(
        &format!("/api/cohorts/{cohort}/enrolments"),
        Some(&director),
        &json!({"user_id": gymnasium_id}),
    )
    .await
    .problem(StatusCode::NOT_FOUND, "not_found");

    // СОШ № 61's teacher, enrolled in it, completes herself: 409 own_record.
    let mine: TrainingHistory = app.get("/api/me/training", Some(&teacher)).await.json(StatusCode::OK);
    let own = mine.enrolments.items.iter().find(|e| e.cohort_id == cohort).unwrap();
    let refused = app
        .post(
            &format!("/api/enrolments/{}/complete", own.id),
            Some(&teacher),
            &json!({}),
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(refused.reason.map(|r| r.as_str()), Some("own_record"));
    let after: Page<Enrolment> = app.get(&listed, Some(&director)).await.json(StatusCode::OK);
    assert_eq!(after.items, before.items, "nothing changed");

    // The demo certificate's number alone gives no name.
    let number = certified.certificate_number.unwrap();
    let checked: CertificateCheck = app
        .get(&format!("/api/public/certificates/{number}"), None)
        .await
        .json(StatusCode::OK);
    assert_eq!(checked.full_name, None);
    assert!(checked.masked_name.contains("***"));
    assert_eq!(checked.hours, 28, "the hours attended, not the cohort's 36");
}
