//! Concurrent writers, on both databases: many requests at once on one table, races for
//! the next number of a series, two uses at once of what works once (a feedback link, a
//! refresh token, an order's issue), and an upload racing a review decision. Each test
//! names the invariant it keeps; every request of a race is sent before any answer is read.

use diesel::prelude::*;
use futures_util::future::join_all;
use openapi::auth::TokenPair;
use openapi::feedback::{Feedback, FeedbackLink};
use openapi::lifecycle::Delivery;
use openapi::orders::{Order, OrderStatus};
use openapi::package::{DocumentVersion, VersionStatus};
use openapi::requests::ConsumerRequest;
use openapi::resources::{ResourceVersion, Stage};
use openapi::users::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use tests::fixtures::{HostSchool, PASSWORD, TestOrg, TestUser, project_body};
use tests::{Reply, TestApp, spawn_app};

/// A request's deadline: a month from today, so that it never falls into the past.
fn request(target: i64, n: usize) -> Value {
    let deadline = tests::days_from_today(30);
    json!({"need": format!("Методика формирующего оценивания № {n}"), "audience": "Учителя математики", "desired_form": "methodological_development", "deadline": deadline, "target_org_id": target})
}

/// `POST` of an owned body, so that many can be built in a closure and sent at once.
async fn post(app: &TestApp, path: &str, token: Option<&str>, body: Value) -> Reply {
    app.send(Method::POST, path, token, Some(&body)).await
}

/// Whether a reply is a server failure (5xx): never allowed under concurrency.
fn failures(replies: &[Reply]) -> Vec<String> {
    replies
        .iter()
        .filter(|reply| !reply.status.is_success())
        .map(|reply| format!("{} {}", reply.status, reply.body))
        .collect()
}

async fn file_requests_at_once(app: &TestApp, partner: &str, host: i64, from: usize, writers: usize) -> Vec<Reply> {
    join_all((from..from + writers).map(|n| post(app, "/api/requests", Some(partner), request(host, n)))).await
}

fn request_needs(app: &TestApp) -> Vec<String> {
    use backend::db::schema::requests;
    app.with_db(|conn| requests::table.select(requests::need).load::<String>(conn))
        .unwrap()
}

/// Invariant: 16, then 64, writers filing requests on one table at once all get `201`
/// (no "database is locked", no 5xx), every request is stored exactly once, and the
/// school's kept school year counts each.
#[tokio::test]
async fn sixteen_then_sixty_four_writers_file_requests_at_once_and_every_row_is_kept() {
    let app = spawn_app().await;
    let host = HostSchool::create(&app, "СОШ № 61").await;
    let partner_school = TestOrg::school("СОШ № 12").create(&app);
    let partner = TestUser::new(partner_school, &[Role::Partner])
        .create(&app)
        .token(&app)
        .await;
    let mut expected = BTreeSet::new();
    let mut from = 0;
    for writers in [16, 64] {
        let replies = file_requests_at_once(&app, &partner, host.org.0, from, writers).await;
        assert_eq!(failures(&replies), Vec::<String>::new(), "{writers} writers");
        for reply in &replies {
            let filed: ConsumerRequest = reply.json(StatusCode::CREATED);
            assert!(expected.insert(filed.need), "one request answered twice");
        }
        from += writers;
    }
    let stored = request_needs(&app);
    assert_eq!(stored.len(), 80, "no row lost, none doubled");
    assert_eq!(stored.into_iter().collect::<BTreeSet<_>>(), expected);
    // Every writer recomputed the host's school year under its row lock, each after the
    // one before it committed: the kept figure counts all 80.
    let year = rules::dates::school_year_of(chrono::Utc::now().date_naive());
    let kept = app
        .with_db(|conn| backend::db::read_model::years::of_schools(conn, &[host.org.0], year))
        .unwrap();
    assert_eq!(kept[&host.org.0].requests, 80, "the school year's requests");
}

/// Invariant: 16 versions of one resource created at once are all created, numbered
/// 1 to 16 with no number given twice and none skipped.
#[tokio::test]
async fn versions_of_one_resource_created_at_once_get_distinct_consecutive_numbers() {
    let app = spawn_app().await;
    let s = HostSchool::create(&app, "СОШ № 61").await;
    let path = format!("/api/resources/{}/versions", s.resource.id);
    let replies = join_all((0..16).map(|n| {
        post(
            &app,
            &path,
            Some(&s.staff),
            json!({"kind": "design", "notes": format!("Редакция {n}")}),
        )
    }))
    .await;
    assert_eq!(failures(&replies), Vec::<String>::new());
    let mut numbers: Vec<i32> = replies
        .iter()
        .map(|reply| reply.json::<ResourceVersion>(StatusCode::CREATED).number)
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=16).collect::<Vec<_>>());
}

/// Invariant: two versions of one package document submitted at once are numbered 1 and
/// 2, and exactly one of them is under review (the other is superseded).
#[tokio::test]
async fn two_document_versions_submitted_at_once_never_share_a_number() {
    let app = spawn_app().await;
    let s = HostSchool::create(&app, "СОШ № 61").await;
    let path = format!("/api/projects/{}/package/programme", s.project.id);
    let replies = join_all((0..2).map(|n| {
        post(
            &app,
            &path,
            Some(&s.staff),
            json!({"text": format!("Программа инновационной деятельности, редакция {n}")}),
        )
    }))
    .await;
    assert_eq!(failures(&replies), Vec::<String>::new());
    let mut numbers: Vec<i32> = replies
        .iter()
        .map(|reply| reply.json::<DocumentVersion>(StatusCode::CREATED).number)
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, [1, 2]);
    let history: Vec<DocumentVersion> = app.get(&path, Some(&s.staff)).await.json(StatusCode::OK);
    assert_eq!(
        history.iter().map(|v| (v.number, v.status)).collect::<Vec<_>>(),
        [(2, VersionStatus::UnderReview), (1, VersionStatus::Superseded)]
    );
}

fn order_body(number: &str) -> Value {
    json!({"number": number, "issued_on": "2025-09-01", "school_year": 2025, "signatory_name": "Соколова Е. В.", "signatory_position": "Директор"})
}

/// Invariant: of two orders created at once with the same number exactly one is created
/// and the other is refused as the number check refuses it (`422`, `number` taken) on
/// both databases; two orders with different numbers are both created.
#[tokio::test]
async fn two_orders_with_one_number_created_at_once_are_one_order() {
    let app = spawn_app().await;
    let s = HostSchool::create(&app, "СОШ № 61").await;
    let path = format!("/api/projects/{}/orders", s.project.id);
    let same = join_all((0..2).map(|_| post(&app, &path, Some(&s.staff), order_body("45-о")))).await;
    let mut statuses: Vec<u16> = same.iter().map(|reply| reply.status.as_u16()).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [201, 422], "{same:?}");
    let refused = same
        .iter()
        .find(|reply| reply.status == StatusCode::UNPROCESSABLE_ENTITY)
        .unwrap()
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        (refused.errors[0].field.as_str(), refused.errors[0].code),
        ("number", openapi::FieldErrorCode::Taken)
    );
    let different =
        join_all(["46-о", "47-о"].map(|number| post(&app, &path, Some(&s.staff), order_body(number)))).await;
    assert_eq!(failures(&different), Vec::<String>::new());
    let numbers: Vec<String> = app
        .with_db(|conn| {
            use backend::db::schema::orders;
            orders::table.select(orders::number).order(orders::number).load(conn)
        })
        .unwrap();
    assert_eq!(numbers, ["45-о", "46-о", "47-о"]);
}

/// A school whose draft order is ready to issue: a frozen ranking whose problem the
/// project cites, an approved structure and an approved package.
struct Ready {
    director: String,
    order: Order,
}

async fn ready_to_issue(app: &TestApp) -> Ready {
    let org = TestOrg::school("СОШ № 61").create(app);
    let director = TestUser::new(org, &[Role::Admin]).create(app).token(app).await;
    let council_account = TestUser::new(org, &[Role::Council, Role::Staff]).create(app);
    let council = council_account.token(app).await;
    let mut card = project_body("Смысловое чтение");
    let project: openapi::projects::Project = app
        .post("/api/projects", Some(&director), &card)
        .await
        .json(StatusCode::CREATED);
    let p = project.id;
    let round: openapi::ranking::RankingRound = app
        .post("/api/ranking-rounds", Some(&council), &json!({"school_year": 2025}))
        .await
        .json(StatusCode::CREATED);
    let problem: openapi::ranking::SchoolProblem = app
        .post(
            &format!("/api/ranking-rounds/{}/problems", round.id),
            Some(&council),
            &json!({"title": "Низкий уровень смыслового чтения", "description": "Результаты ВПР ниже районных"}),
        )
        .await
        .json(StatusCode::CREATED);
    card["problem_ids"] = json!([problem.id]);
    app.send(Method::PUT, &format!("/api/projects/{p}"), Some(&director), Some(&card))
        .await
        .json::<openapi::projects::Project>(StatusCode::OK);
    app.post(
        &format!("/api/ranking-rounds/{}/freeze", round.id),
        Some(&director),
        &json!({}),
    )
    .await
    .json::<Value>(StatusCode::OK);
    let structure: openapi::structures::Structure = app
        .post(
            &format!("/api/projects/{p}/structures"),
            Some(&council),
            &json!({"kind": "creative_group", "name": "Творческая группа", "members": [
                {"user_id": council_account.id.0, "function": "head", "competence": "Руководство группой"}
            ]}),
        )
        .await
        .json(StatusCode::CREATED);
    app.post(
        &format!("/api/structures/{}/approval", structure.id),
        Some(&director),
        &json!({}),
    )
    .await
    .json::<openapi::structures::Structure>(StatusCode::OK);
    app.post(
        &format!("/api/projects/{p}/plan-items"),
        Some(&council),
        &json!({"school_year": 2025, "action": "Провести педагогический совет", "responsible_id": council_account.id.0, "deadline": "2026-05-30", "expected_result": "Решение педсовета"}),
    )
    .await
    .json::<Value>(StatusCode::CREATED);
    app.post(
        &format!("/api/projects/{p}/indicators"),
        Some(&council),
        &json!({"title": "Доля учащихся с высоким уровнем смыслового чтения", "unit": "%", "values": [{"school_year": 2025, "target": 40.0}]}),
    )
    .await
    .json::<Value>(StatusCode::CREATED);
    let field = "Содержательное описание раздела карты";
    let map = json!({"problem": field, "idea": field, "goal": field, "tasks": field, "expected_results": field, "products": field, "resources": field, "risks": field, "consumers": field});
    for (kind, body) in [
        (
            "programme",
            json!({"text": "Программа инновационной деятельности школы"}),
        ),
        ("innovation_map", json!({ "map": map })),
        ("work_plan", json!({})),
        ("results_tracking", json!({})),
    ] {
        let version: DocumentVersion = app
            .post(&format!("/api/projects/{p}/package/{kind}"), Some(&council), &body)
            .await
            .json(StatusCode::CREATED);
        app.post(
            &format!("/api/document-versions/{}/review", version.id),
            Some(&council),
            &json!({"decision": "approve"}),
        )
        .await
        .json::<DocumentVersion>(StatusCode::OK);
    }
    let order: Order = app
        .post(
            &format!("/api/projects/{p}/orders"),
            Some(&director),
            &order_body("45-о"),
        )
        .await
        .json(StatusCode::CREATED);
    Ready { director, order }
}

/// Invariant: of two issues of one draft order at once exactly one succeeds; the other
/// is refused with `409 order_issued`, and the order is issued once (one audit entry).
#[tokio::test]
async fn a_second_concurrent_issue_of_one_order_is_refused() {
    let app = spawn_app().await;
    let r = ready_to_issue(&app).await;
    let path = format!("/api/orders/{}/issue", r.order.id);
    let replies = join_all((0..2).map(|_| post(&app, &path, Some(&r.director), json!({})))).await;
    let issued: Vec<&Reply> = replies.iter().filter(|reply| reply.status == StatusCode::OK).collect();
    assert_eq!(issued.len(), 1, "{replies:?}");
    // Both named the draft's version: the loser finds either the order issued (409
    // `order_issued`, when it read after the winner committed) or its version moved on (412).
    let refused = replies.iter().find(|reply| reply.status != StatusCode::OK).unwrap();
    if refused.status == StatusCode::PRECONDITION_FAILED {
        refused.problem(StatusCode::PRECONDITION_FAILED, "precondition_failed");
    } else {
        let problem = refused.problem(StatusCode::CONFLICT, "conflict");
        assert_eq!(problem.reason.map(openapi::RefusalReason::as_str), Some("order_issued"));
    }
    let order: Order = app
        .get(&format!("/api/orders/{}", r.order.id), Some(&r.director))
        .await
        .json(StatusCode::OK);
    assert_eq!(order.status, OrderStatus::Issued);
    let issues: i64 = app
        .with_db(|conn| {
            use backend::db::schema::audit_log;
            audit_log::table
                .filter(audit_log::entity.eq("order"))
                .filter(audit_log::action.eq("issue"))
                .count()
                .get_result(conn)
        })
        .unwrap();
    assert_eq!(issues, 1);
}

/// Invariant: one feedback link submitted twice at once stores exactly one answer; the
/// other submission is refused with `409`.
#[tokio::test]
async fn one_feedback_link_submitted_twice_at_once_stores_one_answer() {
    let app = spawn_app().await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    let partner_school = TestOrg::school("СОШ № 12").create(&app);
    let version = school.version_with_file(&app, "product").await;
    app.with_db(|conn| {
        backend::db::models::transition::apply(
            conn,
            school.resource.id,
            Stage::Request,
            Stage::Delivery,
            openapi::UserId(1),
            Some("fixture"),
        )
    })
    .unwrap();
    let delivery: Delivery = app
        .post(&format!("/api/resources/{}/deliveries", school.resource.id), Some(&school.staff), &json!({"version_id": version.id, "recipient_org_id": partner_school, "delivered_on": tests::days_from_today(0), "form": "training", "contact": "Орлова Н. П."}))
        .await
        .json(StatusCode::CREATED);
    let partner = TestUser::new(partner_school, &[Role::Partner])
        .create(&app)
        .token(&app)
        .await;
    let link: FeedbackLink = app
        .post(
            &format!("/api/deliveries/{}/feedback-links", delivery.id),
            Some(&partner),
            &json!({"email": "lebedeva@sch12.example", "respondent": "Лебедева А. В.", "valid_days": 7}),
        )
        .await
        .json(StatusCode::CREATED);
    let path = format!("/api/public/feedback/{}", link.token);
    let replies = join_all((0..2).map(|n| {
        post(
            &app,
            &path,
            None,
            json!({"csat": 4 + n, "recommend": 9, "ready": true, "comment": "Полезный материал"}),
        )
    }))
    .await;
    let answered: Vec<&Reply> = replies
        .iter()
        .filter(|reply| reply.status == StatusCode::CREATED)
        .collect();
    assert_eq!(answered.len(), 1, "{replies:?}");
    answered[0].json::<Feedback>(StatusCode::CREATED);
    replies
        .iter()
        .find(|reply| reply.status != StatusCode::CREATED)
        .unwrap()
        .problem(StatusCode::CONFLICT, "conflict");
    let stored: i64 = app
        .with_db(|conn| {
            use backend::db::schema::feedback;
            feedback::table
                .filter(feedback::delivery_id.eq(delivery.id))
                .count()
                .get_result(conn)
        })
        .unwrap();
    assert_eq!(stored, 1);
}

/// Invariant: one refresh token redeemed twice at once gives at most one new pair; the
/// other use is reuse, taken as theft, so the whole sign-in is revoked — the successor
/// of the winner included, whichever use the database saw first.
#[tokio::test]
async fn one_refresh_token_redeemed_twice_at_once_succeeds_at_most_once_and_revokes_the_family() {
    let app = spawn_app().await;
    let org = TestOrg::school("СОШ № 61").create(&app);
    let user = TestUser::new(org, &[Role::Staff]).create(&app);
    let pair = app.login(&user.email, PASSWORD).await;
    let other_session = app.login(&user.email, PASSWORD).await;
    let body = json!({"refresh_token": pair.refresh_token});
    let replies = join_all((0..2).map(|_| app.send(Method::POST, "/api/auth/refresh", None, Some(&body)))).await;
    let winners: Vec<TokenPair> = replies
        .iter()
        .filter(|reply| reply.status == StatusCode::OK)
        .map(|reply| reply.json(StatusCode::OK))
        .collect();
    assert!(winners.len() <= 1, "{replies:?}");
    for reply in replies.iter().filter(|reply| reply.status != StatusCode::OK) {
        reply.problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
    }
    for winner in &winners {
        app.post(
            "/api/auth/refresh",
            None,
            &json!({"refresh_token": winner.refresh_token}),
        )
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
    }
    let live: i64 = app
        .with_db(|conn| {
            use backend::db::schema::refresh_tokens;
            refresh_tokens::table
                .filter(refresh_tokens::user_id.eq(user.id.0))
                .filter(refresh_tokens::revoked_at.is_null())
                .filter(refresh_tokens::used_at.is_null())
                .count()
                .get_result(conn)
        })
        .unwrap();
    assert_eq!(live, 1, "only the other sign-in's token stays live");
    app.post(
        "/api/auth/refresh",
        None,
        &json!({"refresh_token": other_session.refresh_token}),
    )
    .await
    .json::<TokenPair>(StatusCode::OK);
}

/// Invariant: an upload racing the council's decision on a version either lands before
/// the decision (`201`, stored before `decided_at`) or is refused with `409
/// not_under_review` and leaves no file behind: a decided version never gains a file.
#[tokio::test]
async fn an_upload_racing_a_review_decision_never_lands_on_a_decided_version() {
    let app = spawn_app().await;
    let org = TestOrg::school("СОШ № 61").create(&app);
    let teacher = TestUser::new(org, &[Role::Council, Role::Staff])
        .create(&app)
        .token(&app)
        .await;
    let project: openapi::projects::Project = app
        .post("/api/projects", Some(&teacher), &project_body("Проект"))
        .await
        .json(StatusCode::CREATED);
    for round in 0..4 {
        let version: DocumentVersion = app
            .post(
                &format!("/api/projects/{}/package/programme", project.id),
                Some(&teacher),
                &json!({"text": format!("Программа, редакция {round}")}),
            )
            .await
            .json(StatusCode::CREATED);
        let upload_path = format!(
            "/api/document-versions/{}/attachments?file_name=appendix.pdf",
            version.id
        );
        let review_path = format!("/api/document-versions/{}/review", version.id);
        let upload = app.send_raw(
            Method::POST,
            &upload_path,
            Some(&teacher),
            "application/octet-stream",
            b"%PDF-1.7\n%appendix".to_vec(),
        );
        let review = post(&app, &review_path, Some(&teacher), json!({"decision": "approve"}));
        let (upload, review) = tokio::join!(upload, review);
        review.json::<DocumentVersion>(StatusCode::OK);
        let decided_at: chrono::NaiveDateTime = app
            .with_db(|conn| {
                use backend::db::schema::document_versions;
                document_versions::table
                    .find(version.id)
                    .select(document_versions::decided_at.assume_not_null())
                    .first(conn)
            })
            .unwrap();
        let stored: Vec<(chrono::NaiveDateTime, String)> = app
            .with_db(|conn| {
                use backend::db::schema::attachments;
                attachments::table
                    .filter(attachments::owner_kind.eq("document_version"))
                    .filter(attachments::owner_id.eq(version.id))
                    .select((attachments::created_at, attachments::storage_key))
                    .load(conn)
            })
            .unwrap();
        match upload.status {
            StatusCode::CREATED => {
                assert_eq!(stored.len(), 1);
                assert!(stored[0].0 <= decided_at, "a file stored after the decision");
                assert!(app.data_dir.join("files").join(&stored[0].1).is_file());
            }
            _ => {
                let problem = upload.problem(StatusCode::CONFLICT, "conflict");
                assert_eq!(
                    problem.reason.map(openapi::RefusalReason::as_str),
                    Some("not_under_review")
                );
                assert!(stored.is_empty(), "a refused upload left a record");
                let dir = app
                    .data_dir
                    .join("files/attachments/document_version")
                    .join(version.id.to_string());
                let left = std::fs::read_dir(&dir).map(|entries| entries.count()).unwrap_or(0);
                assert_eq!(left, 0, "a refused upload left its bytes in {}", dir.display());
            }
        }
    }
}

/// Invariant: a write that cannot take SQLite's write lock within the busy timeout (here
/// held by another process's open transaction) is answered `503 database_unavailable`
/// with `Retry-After`, never `500`, and writes nothing; once the lock is released the
/// same write succeeds. PostgreSQL has no database-wide write lock, so this is SQLite's.
#[tokio::test]
async fn a_write_kept_waiting_past_the_busy_timeout_is_503_with_retry_after() {
    if tests::Database::selected() != tests::Database::Sqlite {
        return;
    }
    let app = spawn_app().await;
    let host = HostSchool::create(&app, "СОШ № 61").await;
    let path = app.data_dir.join("test.db");
    let mut holder = diesel::SqliteConnection::establish(&path.to_string_lossy()).unwrap();
    diesel::connection::SimpleConnection::batch_execute(&mut holder, "BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    let versions = format!("/api/resources/{}/versions", host.resource.id);
    let busy = post(&app, &versions, Some(&host.staff), json!({"kind": "design"})).await;
    busy.problem(StatusCode::SERVICE_UNAVAILABLE, "database_unavailable");
    assert!(busy.headers.contains_key("retry-after"), "{busy:?}");
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(5),
        "the busy timeout was not waited for: {:?}",
        started.elapsed()
    );
    diesel::connection::SimpleConnection::batch_execute(&mut holder, "ROLLBACK").unwrap();
    let listed: openapi::Page<ResourceVersion> = app.get(&versions, Some(&host.staff)).await.json(StatusCode::OK);
    assert_eq!(listed.total, 0, "the refused write wrote");
    let created: ResourceVersion = post(&app, &versions, Some(&host.staff), json!({"kind": "design"}))
        .await
        .json(StatusCode::CREATED);
    assert_eq!(created.number, 1);
}
