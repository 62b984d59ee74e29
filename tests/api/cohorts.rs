//! Teacher training: cohorts of a training programme read by other schools and changed
//! with their version, enrolments with a waiting list, attendance, completion with a
//! numbered certificate (JSON, DOCX, public check), and the hours of a teacher and of a
//! school's teachers.

use openapi::cohorts::{
    CertificateCheck, Cohort, Enrolment, EnrolmentStatus, SessionAttendance, TeacherTraining, TrainingHistory,
};
use openapi::users::Role;
use openapi::{OrganisationId, Page};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tests::fixtures::{HostSchool, TestOrg, TestUser};
use tests::{TestApp, days_from_today, etag_version, spawn_app};

/// A host school with a published training programme, and another school with an
/// administrator and two teachers.
struct Setting {
    host: HostSchool,
    programme: i64,
    other: OrganisationId,
    other_admin: String,
    first: String,
    second: String,
}

async fn setting(app: &TestApp) -> Setting {
    let host = HostSchool::create(app, "СОШ № 61").await;
    let body = json!({
        "title": "Формирующее оценивание на уроке",
        "form": "training_programme",
        "hours": 36,
        "programme_format": "blended",
        "authors": [{"name": "Смирнов Андрей Игоревич", "share": 100}],
        "licence": "CC BY 4.0",
        "visibility": "published"
    });
    let programme: Value = app
        .post(
            &format!("/api/projects/{}/resources", host.project.id),
            Some(&host.staff),
            &body,
        )
        .await
        .json(StatusCode::CREATED);
    let other = TestOrg::school("СОШ № 12").create(app);
    let other_admin = TestUser::new(other, &[Role::Admin]).create(app).token(app).await;
    let first = TestUser::new(other, &[Role::Staff])
        .named("Орлова Наталья Павловна")
        .create(app)
        .token(app)
        .await;
    let second = TestUser::new(other, &[Role::Partner]).create(app).token(app).await;
    Setting {
        host,
        programme: programme["id"].as_i64().unwrap(),
        other,
        other_admin,
        first,
        second,
    }
}

pub(crate) fn cohort_body(capacity: i32, starts_in: i64) -> Value {
    json!({
        "title": "Поток январь",
        "starts_on": days_from_today(starts_in),
        "ends_on": days_from_today(starts_in + 20),
        "capacity": capacity,
        "place": "СОШ № 61, ауд. 204",
        "online_link": "https://sch61.example/webinar",
        "trainers": ["Смирнов А. И."],
        "sessions": [
            {"held_on": days_from_today(starts_in), "topic": "Критерии оценивания", "hours": 8},
            {"held_on": days_from_today(starts_in + 1), "topic": "Обратная связь", "hours": 10}
        ]
    })
}

async fn create_cohort(app: &TestApp, s: &Setting, body: &Value) -> Cohort {
    app.post(
        &format!("/api/resources/{}/cohorts", s.programme),
        Some(&s.host.staff),
        body,
    )
    .await
    .json(StatusCode::CREATED)
}

pub(crate) async fn enrol(app: &TestApp, token: &str, cohort: &Cohort) -> Enrolment {
    app.post(
        &format!("/api/cohorts/{}/enrolments", cohort.id),
        Some(token),
        &json!({}),
    )
    .await
    .json(StatusCode::CREATED)
}

/// Marks `present` at the `session`th session of `cohort`, as the host's `token`.
pub(crate) async fn mark(app: &TestApp, token: &str, cohort: &Cohort, session: usize, present: &[i64]) {
    let path = format!("/api/cohort-sessions/{}/attendance", cohort.sessions[session].id);
    let _: SessionAttendance = app
        .put(&path, Some(token), &json!({ "present": present }))
        .await
        .json(StatusCode::OK);
}

async fn read_enrolment(app: &TestApp, token: &str, id: i64) -> Enrolment {
    app.get(&format!("/api/enrolments/{id}"), Some(token))
        .await
        .json(StatusCode::OK)
}

#[tokio::test]
async fn a_cohort_is_read_by_another_school_and_changed_only_with_its_version() {
    let app = spawn_app().await;
    let s = setting(&app).await;
    let path = format!("/api/resources/{}/cohorts", s.programme);
    let reply = app.post(&path, Some(&s.host.staff), &cohort_body(20, -1)).await;
    assert_eq!(etag_version(&reply), 1);
    let created: Cohort = reply.json(StatusCode::CREATED);
    assert_eq!((created.hours, created.capacity, created.sessions.len()), (18, 20, 2));
    assert_eq!(created.resource_title, "Формирующее оценивание на уроке");

    // Invalid fields are named together; a development is not a programme; nothing is written.
    let mut invalid = cohort_body(0, -1);
    invalid["ends_on"] = json!(days_from_today(-30));
    invalid["trainers"] = json!([]);
    let problem = app
        .post(&path, Some(&s.host.staff), &invalid)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let named: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
    assert!(
        named.contains(&"ends_on") && named.contains(&"capacity") && named.contains(&"trainers"),
        "{named:?}"
    );
    app.post(
        &format!("/api/resources/{}/cohorts", s.host.resource.id),
        Some(&s.host.staff),
        &cohort_body(20, -1),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let listed: Page<Cohort> = app.get(&path, Some(&s.first)).await.json(StatusCode::OK);
    assert_eq!(listed.items, vec![created.clone()], "read by another school's teacher");

    let cohort_path = format!("/api/cohorts/{}", created.id);
    let mut change = cohort_body(25, -1);
    change["sessions"][0]["id"] = json!(created.sessions[0].id);
    change["sessions"][1]["id"] = json!(created.sessions[1].id);
    app.send_if_match(Method::PUT, &cohort_path, Some(&s.host.staff), None, Some(&change))
        .await
        .problem(StatusCode::PRECONDITION_REQUIRED, "precondition_required");
    app.put(&cohort_path, Some(&s.first), &change)
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let changed: Cohort = app
        .put(&cohort_path, Some(&s.host.staff), &change)
        .await
        .json(StatusCode::OK);
    assert_eq!((changed.capacity, changed.version), (25, 2));
    assert_eq!(changed.sessions, created.sessions, "kept by id");
}

#[tokio::test]
async fn a_full_cohort_keeps_a_waiting_list_and_a_withdrawal_gives_the_place_away() {
    let app = spawn_app().await;
    let s = setting(&app).await;
    let cohort = create_cohort(&app, &s, &cohort_body(1, 5)).await;
    let first = enrol(&app, &s.first, &cohort).await;
    assert_eq!(first.status, EnrolmentStatus::Enrolled);
    let second = enrol(&app, &s.second, &cohort).await;
    assert_eq!((second.status, second.position), (EnrolmentStatus::Waiting, Some(1)));
    let path = format!("/api/cohorts/{}/enrolments", cohort.id);
    let duplicate = app
        .post(&path, Some(&s.first), &json!({}))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(duplicate.reason.map(|r| r.as_str()), Some("already_enrolled"));

    // The other school's administrator sees their teachers; a teacher sees their own.
    let seen: Page<Enrolment> = app.get(&path, Some(&s.other_admin)).await.json(StatusCode::OK);
    assert_eq!(seen.total, 2);
    let own: Page<Enrolment> = app.get(&path, Some(&s.second)).await.json(StatusCode::OK);
    assert_eq!(own.items, vec![read_enrolment(&app, &s.second, second.id.0).await]);
    app.get(&format!("/api/enrolments/{}", first.id), Some(&s.second))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");

    let withdrawn: Enrolment = app
        .post(
            &format!("/api/enrolments/{}/withdraw", first.id),
            Some(&s.other_admin),
            &json!({}),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(withdrawn.status, EnrolmentStatus::Withdrawn);
    let promoted = read_enrolment(&app, &s.second, second.id.0).await;
    assert_eq!((promoted.status, promoted.position), (EnrolmentStatus::Enrolled, None));
    let again = app
        .post(
            &format!("/api/enrolments/{}/withdraw", first.id),
            Some(&s.first),
            &json!({}),
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(again.reason.map(|r| r.as_str()), Some("enrolment_withdrawn"));
}

#[tokio::test]
async fn the_host_marks_attendance_completes_and_anyone_checks_the_certificate_by_number() {
    let app = spawn_app().await;
    let s = setting(&app).await;
    let cohort = create_cohort(&app, &s, &cohort_body(1, -3)).await;
    let placed = enrol(&app, &s.first, &cohort).await;
    let waiting = enrol(&app, &s.second, &cohort).await;
    let attendance = format!("/api/cohort-sessions/{}/attendance", cohort.sessions[0].id);
    let refused = app
        .put(
            &attendance,
            Some(&s.host.staff),
            &json!({"present": [placed.id, waiting.id]}),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(refused.errors[0].field, "present[1]");
    assert!(read_enrolment(&app, &s.first, placed.id.0).await.attended.is_empty());
    app.put(&attendance, Some(&s.first), &json!({"present": [placed.id]}))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let marked: SessionAttendance = app
        .put(&attendance, Some(&s.host.staff), &json!({"present": [placed.id]}))
        .await
        .json(StatusCode::OK);
    assert_eq!(marked.present, [placed.id]);
    assert_eq!(read_enrolment(&app, &s.first, placed.id.0).await.attended_hours, 8);
    // 8 of 18 hours: below three quarters (14), so not yet complete.
    let early = app
        .post(
            &format!("/api/enrolments/{}/complete", placed.id),
            Some(&s.host.staff),
            &json!({}),
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(early.reason.map(|r| r.as_str()), Some("attendance_below_threshold"));
    mark(&app, &s.host.staff, &cohort, 1, &[placed.id.0]).await;

    let waiting_refused = app
        .post(
            &format!("/api/enrolments/{}/complete", waiting.id),
            Some(&s.host.staff),
            &json!({}),
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(waiting_refused.reason.map(|r| r.as_str()), Some("enrolment_waiting"));
    assert_eq!(
        read_enrolment(&app, &s.second, waiting.id.0).await.status,
        EnrolmentStatus::Waiting
    );
    let certificate_path = format!("/api/enrolments/{}/certificate", placed.id);
    app.get(&certificate_path, Some(&s.first))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");

    let done: Enrolment = app
        .post(
            &format!("/api/enrolments/{}/complete", placed.id),
            Some(&s.host.staff),
            &json!({}),
        )
        .await
        .json(StatusCode::OK);
    let number = done.certificate_number.clone().unwrap();
    let year = chrono::Utc::now().format("%Y").to_string();
    assert_eq!(number, format!("{}-{year}-0001", s.host.org));
    let printed: openapi::cohorts::Certificate = app
        .get(&certificate_path, Some(&s.other_admin))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (printed.full_name.as_str(), printed.hours),
        ("Орлова Наталья Павловна", 18)
    );
    let docx = app.get(&format!("{certificate_path}.docx"), Some(&s.first)).await;
    assert_eq!(docx.status, StatusCode::OK);
    assert!(docx.body.starts_with("PK"), "a zip package");
    assert!(docx.content_type.contains("wordprocessingml"));

    let checked: CertificateCheck = app
        .get(&format!("/api/public/certificates/{number}"), None)
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (checked.full_name, checked.masked_name.as_str(), checked.hours),
        (None, "О*** Н. П.", 18)
    );
    let checked: CertificateCheck = app
        .get(
            &format!("/api/public/certificates/{number}?code={}", printed.code),
            None,
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(checked.full_name, Some(printed.full_name));
    app.get(&format!("/api/public/certificates/{}-{year}-0999", s.host.org), None)
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");

    let history: TrainingHistory = app.get("/api/me/training", Some(&s.first)).await.json(StatusCode::OK);
    assert_eq!(
        (history.total_hours, history.completed, history.enrolments.total),
        (18, 1, 1)
    );
    let school_path = format!("/api/organisations/{}/training", s.other);
    let school: Page<TeacherTraining> = app.get(&school_path, Some(&s.other_admin)).await.json(StatusCode::OK);
    assert_eq!(school.items[0].hours, 18);
    assert_eq!(school.total, 2);
    app.get(&school_path, Some(&s.first))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
}

#[tokio::test]
async fn enrolments_at_once_fill_the_places_once_and_completions_at_once_number_without_gaps() {
    use chrono::Datelike;
    use futures_util::future::join_all;
    let app = spawn_app().await;
    let s = setting(&app).await;
    let cohort = create_cohort(&app, &s, &cohort_body(3, -3)).await;
    let mut teachers = Vec::new();
    for n in 0..8 {
        let token = TestUser::new(s.other, &[Role::Staff])
            .named(&format!("Учитель {n}"))
            .create(&app)
            .token(&app)
            .await;
        teachers.push(token);
    }
    // Eight teachers enrol at the same moment into three places.
    let path = format!("/api/cohorts/{}/enrolments", cohort.id);
    let empty = json!({});
    let replies = join_all(teachers.iter().map(|token| app.post(&path, Some(token), &empty))).await;
    for reply in replies {
        let _: Enrolment = reply.json(StatusCode::CREATED);
    }
    let all: Page<Enrolment> = app
        .get(&format!("{path}?per_page=100"), Some(&s.host.staff))
        .await
        .json(StatusCode::OK);
    let placed: Vec<&Enrolment> = all
        .items
        .iter()
        .filter(|e| e.status == EnrolmentStatus::Enrolled)
        .collect();
    assert_eq!(placed.len(), 3, "{:?}", all.items);
    let mut positions: Vec<i64> = all.items.iter().filter_map(|e| e.position).collect();
    positions.sort_unstable();
    assert_eq!(positions, [1, 2, 3, 4, 5]);
    let present: Vec<i64> = placed.iter().map(|e| e.id.0).collect();
    for session in 0..cohort.sessions.len() {
        mark(&app, &s.host.staff, &cohort, session, &present).await;
    }

    // The host completes the three at the same moment: three numbers of the school's
    // year, one after another, none twice.
    let paths: Vec<String> = placed
        .iter()
        .map(|e| format!("/api/enrolments/{}/complete", e.id))
        .collect();
    let replies = join_all(paths.iter().map(|path| app.post(path, Some(&s.host.staff), &empty))).await;
    let mut numbers: Vec<String> = replies
        .into_iter()
        .map(|reply| reply.json::<Enrolment>(StatusCode::OK).certificate_number.unwrap())
        .collect();
    numbers.sort();
    let year = chrono::Utc::now().year();
    let expected: Vec<String> = (1..=3).map(|n| format!("{}-{year}-{n:04}", s.host.org)).collect();
    assert_eq!(numbers, expected);
}
