//! The launch procedure end to end through the API: ranking, the project card citing
//! problems, structures, the plan and indicators, the package with the council's review,
//! the order issued and downloaded as DOCX; with the refusals and who sees what.

use openapi::orders::{Order, OrderStatus};
use openapi::package::{DocumentVersion, Package, VersionStatus};
use openapi::plan::{Indicator, PlanItem, PlanSummary, Reminder, WaitingItem, WaitingKind};
use openapi::projects::Project;
use openapi::ranking::{RankingRound, SchoolProblem};
use openapi::structures::Structure;
use openapi::users::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::io::Read;
use tests::fixtures::{TestOrg, TestUser, project_body};
use tests::{TestApp, spawn_app};

struct School {
    org: openapi::OrganisationId,
    director: String,
    director_id: i64,
    council: String,
    council_id: i64,
    teacher: String,
    teacher_id: i64,
    project: Project,
}

async fn school(app: &TestApp, short_name: &str) -> School {
    let org = TestOrg::school(short_name).create(app);
    let director = TestUser::new(org, &[Role::Admin])
        .named("Соколова Елена Викторовна")
        .create(app);
    let council = TestUser::new(org, &[Role::Council, Role::Staff])
        .named("Иванова Мария Петровна")
        .create(app);
    let teacher = TestUser::new(org, &[Role::Staff])
        .named("Петров Пётр Ильич")
        .create(app);
    let director_token = director.token(app).await;
    let mut body = project_body("Смысловое чтение на уроках естественнонаучного цикла");
    body["directions"] = json!([
        "Разработка методических рекомендаций",
        "Сетевое взаимодействие со школами района"
    ]);
    let project: Project = app
        .post("/api/projects", Some(&director_token), &body)
        .await
        .json(StatusCode::CREATED);
    School {
        org,
        director: director_token,
        director_id: director.id.0,
        council: council.token(app).await,
        council_id: council.id.0,
        teacher: teacher.token(app).await,
        teacher_id: teacher.id.0,
        project,
    }
}

fn plan_item(responsible: i64, deadline: &str) -> Value {
    json!({"school_year": 2025, "action": "Провести педагогический совет", "responsible_id": responsible, "deadline": deadline, "expected_result": "Решение педсовета"})
}

async fn submit(app: &TestApp, token: &str, project: i64, kind: &str, body: Value) -> DocumentVersion {
    app.post(&format!("/api/projects/{project}/package/{kind}"), Some(token), &body)
        .await
        .json(StatusCode::CREATED)
}

async fn review(app: &TestApp, token: &str, version: i64, body: Value) -> tests::Reply {
    app.post(&format!("/api/document-versions/{version}/review"), Some(token), &body)
        .await
}

fn map() -> Value {
    let field = "Содержательное описание раздела карты";
    json!({"problem": field, "idea": field, "goal": field, "tasks": field, "expected_results": field, "products": field, "resources": field, "risks": field, "consumers": field})
}

#[tokio::test]
async fn a_school_goes_from_ranked_problems_to_an_issued_order() {
    let app = spawn_app().await;
    let s = school(&app, "СОШ № 61").await;
    let p = s.project.id;
    assert_eq!(s.project.directions.len(), 2);

    // Ranking, frozen, and the project citing its top problem.
    let round: RankingRound = app
        .post("/api/ranking-rounds", Some(&s.council), &json!({"school_year": 2025}))
        .await
        .json(StatusCode::CREATED);
    let problem: SchoolProblem = app
        .post(
            &format!("/api/ranking-rounds/{}/problems", round.id),
            Some(&s.council),
            &json!({"title": "Низкий уровень смыслового чтения", "description": "Результаты ВПР ниже районных"}),
        )
        .await
        .json(StatusCode::CREATED);

    // A draft order cannot be issued while nothing is ready.
    let order_body = json!({"number": "45-о", "issued_on": "2025-09-01", "school_year": 2025, "signatory_name": "Соколова Е. В.", "signatory_position": "Директор"});
    let draft: Order = app
        .post(&format!("/api/projects/{p}/orders"), Some(&s.director), &order_body)
        .await
        .json(StatusCode::CREATED);
    assert_eq!(draft.status, OrderStatus::Draft);
    assert!(draft.title.starts_with("Об организации инновационной деятельности"));
    assert!(
        draft
            .points
            .iter()
            .any(|point| point.contains("1) разработка методических рекомендаций; 2) сетевое взаимодействие"))
    );
    let refused = app
        .post(
            &format!("/api/orders/{}/issue", draft.id),
            Some(&s.director),
            &json!({}),
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        refused.reason.map(openapi::RefusalReason::as_str),
        Some("package_not_approved")
    );
    let still: Order = app
        .get(&format!("/api/orders/{}", draft.id), Some(&s.teacher))
        .await
        .json(StatusCode::OK);
    assert_eq!(still.status, OrderStatus::Draft, "nothing written");

    // Structures: formed by the council, approved by the director.
    let structure: Structure = app
        .post(
            &format!("/api/projects/{p}/structures"),
            Some(&s.council),
            &json!({"kind": "creative_group", "name": "Творческая группа «Смысловое чтение»", "members": [
                {"user_id": s.council_id, "function": "head", "competence": "Руководство группой"},
                {"user_id": s.teacher_id, "function": "member", "competence": "Разработка заданий по биологии"}
            ]}),
        )
        .await
        .json(StatusCode::CREATED);

    // The waiting list of the director.
    let waiting: Vec<WaitingItem> = app
        .get("/api/me/approvals", Some(&s.director))
        .await
        .json(StatusCode::OK);
    let kinds: Vec<WaitingKind> = waiting.iter().map(|w| w.kind).collect();
    assert!(
        kinds.contains(&WaitingKind::Structure) && kinds.contains(&WaitingKind::Order),
        "{kinds:?}"
    );
    assert!(waiting.iter().all(|w| w.project_title == s.project.title));
    app.post(
        &format!("/api/structures/{}/approval", structure.id),
        Some(&s.director),
        &json!({}),
    )
    .await
    .json::<Structure>(StatusCode::OK);

    // The plan and the indicators.
    let item: PlanItem = app
        .post(
            &format!("/api/projects/{p}/plan-items"),
            Some(&s.teacher),
            &plan_item(s.teacher_id, "2025-09-30"),
        )
        .await
        .json(StatusCode::CREATED);
    assert_eq!(item.responsible_name, "Петров Пётр Ильич");
    let mut done = plan_item(s.teacher_id, "2025-10-15");
    done["status"] = json!("done");
    done["done_on"] = json!("2025-10-20");
    done["evidence"] = json!("https://sch61.example/protocol-2.pdf");
    app.post(&format!("/api/projects/{p}/plan-items"), Some(&s.teacher), &done)
        .await
        .json::<PlanItem>(StatusCode::CREATED);
    let summary: PlanSummary = app
        .get(
            &format!("/api/projects/{p}/plan-summary?school_year=2025"),
            Some(&s.teacher),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (summary.items, summary.due, summary.done, summary.done_on_time),
        (2, 2, 1, 0),
        "both deadlines have passed; the done one was late"
    );
    assert_eq!(
        (summary.completion_percent, summary.on_time_percent),
        (Some(50.0), Some(0.0))
    );
    assert_eq!(summary.overdue.iter().map(|i| i.id).collect::<Vec<_>>(), [item.id]);
    let reminders: Vec<Reminder> = app
        .get("/api/me/reminders", Some(&s.teacher))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        reminders
            .iter()
            .map(|r| r.item.as_ref().map(|i| i.id))
            .collect::<Vec<_>>(),
        [Some(item.id)]
    );
    assert!(reminders[0].days_left < 0, "overdue");
    let indicator: Indicator = app
        .post(
            &format!("/api/projects/{p}/indicators"),
            Some(&s.teacher),
            &json!({"title": "Доля учащихся с высоким уровнем смыслового чтения", "unit": "%", "values": [{"school_year": 2025, "target": 40.0, "actual": 30.0}]}),
        )
        .await
        .json(StatusCode::CREATED);
    assert_eq!(indicator.values[0].achieved_percent, Some(75.0));

    // The package: four documents; the council returns one with a comment, then approves.
    let programme = submit(
        &app,
        &s.teacher,
        p.0,
        "programme",
        json!({"text": "Программа инновационной деятельности школы на три года"}),
    )
    .await;
    let map_v1 = submit(&app, &s.teacher, p.0, "innovation_map", json!({ "map": map() })).await;
    let plan_v1 = submit(&app, &s.teacher, p.0, "work_plan", json!({})).await;
    let tracking = submit(&app, &s.teacher, p.0, "results_tracking", json!({})).await;
    assert!(matches!(&plan_v1.content, openapi::package::DocumentContent::WorkPlan { items } if items.len() == 2));
    let returned: DocumentVersion = review(
        &app,
        &s.council,
        map_v1.id,
        json!({"decision": "return", "comment": "Уточните риски и способы их преодоления"}),
    )
    .await
    .json(StatusCode::OK);
    assert_eq!((returned.status, returned.comments.len()), (VersionStatus::Returned, 1));
    app.post(
        &format!("/api/document-versions/{}/comments", map_v1.id),
        Some(&s.teacher),
        &json!({"body": "Исправим к следующему заседанию"}),
    )
    .await
    .json::<DocumentVersion>(StatusCode::CREATED);
    let map_v2 = submit(
        &app,
        &s.teacher,
        p.0,
        "innovation_map",
        json!({"map": map(), "note": "Риски уточнены"}),
    )
    .await;
    assert_eq!(map_v2.number, 2);
    for version in [programme.id, map_v2.id, plan_v1.id, tracking.id] {
        review(&app, &s.council, version, json!({"decision": "approve"}))
            .await
            .json::<DocumentVersion>(StatusCode::OK);
    }
    let again = review(&app, &s.council, programme.id, json!({"decision": "approve"}))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        again.reason.map(openapi::RefusalReason::as_str),
        Some("not_under_review")
    );
    let package: Package = app
        .get(&format!("/api/projects/{p}/package"), Some(&s.teacher))
        .await
        .json(StatusCode::OK);
    assert!(package.approved);
    let history: Vec<DocumentVersion> = app
        .get(&format!("/api/projects/{p}/package/innovation_map"), Some(&s.teacher))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        history
            .iter()
            .map(|v| (v.number, v.status, v.comments.len()))
            .collect::<Vec<_>>(),
        [(2, VersionStatus::Approved, 0), (1, VersionStatus::Returned, 2)]
    );

    // Still refused: the project cites no problem of a frozen ranking.
    let refused = app
        .post(
            &format!("/api/orders/{}/issue", draft.id),
            Some(&s.director),
            &json!({}),
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        refused.reason.map(openapi::RefusalReason::as_str),
        Some("no_ranked_problems")
    );
    let mut card = project_body("Смысловое чтение на уроках естественнонаучного цикла");
    card["directions"] = json!([
        "Разработка методических рекомендаций",
        "Сетевое взаимодействие со школами района"
    ]);
    card["problem_ids"] = json!([problem.id]);
    let cited: Project = app
        .send(
            Method::PUT,
            &format!("/api/projects/{p}"),
            Some(&s.director),
            Some(&card),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(
        cited
            .problems
            .iter()
            .map(|c| (c.id, c.ranking_frozen))
            .collect::<Vec<_>>(),
        [(problem.id, false)]
    );
    app.post(
        &format!("/api/ranking-rounds/{}/freeze", round.id),
        Some(&s.director),
        &json!({}),
    )
    .await
    .json::<Value>(StatusCode::OK);

    // The council may not issue; the director does.
    app.post(&format!("/api/orders/{}/issue", draft.id), Some(&s.council), &json!({}))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let issued: Order = app
        .post(
            &format!("/api/orders/{}/issue", draft.id),
            Some(&s.director),
            &json!({}),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(issued.status, OrderStatus::Issued);
    assert_eq!(
        issued.participants.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(),
        ["Иванова Мария Петровна", "Петров Пётр Ильич"]
    );
    let edit = app
        .send(
            Method::PUT,
            &format!("/api/orders/{}", draft.id),
            Some(&s.director),
            Some(&order_body),
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(edit.reason.map(openapi::RefusalReason::as_str), Some("order_issued"));
    let unchanged: Order = app
        .get(&format!("/api/orders/{}", draft.id), Some(&s.teacher))
        .await
        .json(StatusCode::OK);
    assert_eq!(unchanged, issued, "an issued order never changes");

    // A change is a new order that supersedes it.
    let mut second = order_body.clone();
    second["number"] = json!("52-о");
    second["supersedes_id"] = json!(issued.id);
    let replacement: Order = app
        .post(&format!("/api/projects/{p}/orders"), Some(&s.director), &second)
        .await
        .json(StatusCode::CREATED);
    assert_eq!(replacement.supersedes_id, Some(issued.id));
    let mut taken = order_body.clone();
    taken["number"] = json!("45-о");
    let duplicate = app
        .post(&format!("/api/projects/{p}/orders"), Some(&s.director), &taken)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(duplicate.errors[0].field, "number");

    // The DOCX: a zip whose document holds the number, date, school and every participant.
    let reply = app
        .client
        .get(format!("{}/api/orders/{}/docx", app.address, issued.id))
        .bearer_auth(&s.teacher)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::OK);
    assert!(
        reply.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("wordprocessingml")
    );
    let disposition = reply.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(
        disposition.contains("filename=\"order-45-_.docx\"")
            && disposition.contains("filename*=UTF-8''order%2D45%2D%D0%BE.docx"),
        "an ASCII name and the UTF-8 one: {disposition}"
    );
    let bytes = reply.bytes().await.unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    for expected in [
        "ПРИКАЗ",
        "№ 45-о",
        "01.09.2025",
        issued.org_name.as_str(),
        "Иванова Мария Петровна",
        "Петров Пётр Ильич",
        "Соколова Е. В.",
    ] {
        assert!(xml.contains(expected), "document.xml lacks {expected}");
    }
    assert!(archive.by_name("[Content_Types].xml").is_ok());

    // The trail has every step.
    let trail: openapi::Page<openapi::audit::AuditEntry> = app
        .get("/api/audit?entity=order&per_page=100", Some(&s.director))
        .await
        .json(StatusCode::OK);
    let actions: Vec<&str> = trail.items.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"issue") && actions.contains(&"create"), "{actions:?}");
    let _ = s.org;
    let _ = s.director_id;
}

#[tokio::test]
async fn other_schools_and_partners_see_nothing_the_committee_reads_and_writes_nothing() {
    let app = spawn_app().await;
    let s = school(&app, "СОШ № 61").await;
    let other = school(&app, "Гимназия № 17").await;
    let p = s.project.id;
    let partner_org = TestOrg::school("СОШ № 12").create(&app);
    let partner = TestUser::new(partner_org, &[Role::Partner])
        .create(&app)
        .token(&app)
        .await;
    let committee = TestOrg::committee("Комитет").create(&app);
    let reader = TestUser::new(committee, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    let version = submit(
        &app,
        &s.teacher,
        p.0,
        "programme",
        json!({"text": "Программа инновационной деятельности школы"}),
    )
    .await;
    let item: PlanItem = app
        .post(
            &format!("/api/projects/{p}/plan-items"),
            Some(&s.teacher),
            &plan_item(s.teacher_id, "2025-09-30"),
        )
        .await
        .json(StatusCode::CREATED);

    for path in [
        format!("/api/projects/{p}/package"),
        format!("/api/projects/{p}/plan-items"),
        format!("/api/projects/{p}/plan-summary"),
        format!("/api/projects/{p}/indicators"),
        format!("/api/projects/{p}/orders"),
        format!("/api/projects/{p}/structures"),
    ] {
        app.get(&path, Some(&other.teacher))
            .await
            .problem(StatusCode::NOT_FOUND, "not_found");
        app.get(&path, Some(&partner))
            .await
            .problem(StatusCode::NOT_FOUND, "not_found");
        let read = app.get(&path, Some(&reader)).await;
        assert_eq!(read.status, StatusCode::OK, "{path}: {}", read.body);
    }
    review(&app, &other.council, version.id, json!({"decision": "approve"}))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    review(&app, &s.teacher, version.id, json!({"decision": "approve"}))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    review(&app, &reader, version.id, json!({"decision": "approve"}))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let bare = review(
        &app,
        &s.council,
        version.id,
        json!({"decision": "return", "comment": ""}),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(bare.errors[0].field, "comment");
    let still: Vec<DocumentVersion> = app
        .get(&format!("/api/projects/{p}/package/programme"), Some(&s.teacher))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        still[0].status,
        VersionStatus::UnderReview,
        "no refused review was written"
    );

    app.post(
        &format!("/api/projects/{p}/plan-items"),
        Some(&reader),
        &plan_item(s.teacher_id, "2025-09-30"),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "forbidden");
    app.send(
        Method::PUT,
        &format!("/api/plan-items/{}", item.id),
        Some(&other.teacher),
        Some(&plan_item(s.teacher_id, "2025-09-30")),
    )
    .await
    .problem(StatusCode::NOT_FOUND, "not_found");
    app.send(
        Method::DELETE,
        &format!("/api/plan-items/{}", item.id),
        Some(&partner),
        None,
    )
    .await
    .problem(StatusCode::NOT_FOUND, "not_found");
    app.post(&format!("/api/projects/{p}/orders"), Some(&reader), &json!({"number": "1", "issued_on": "2025-09-01", "school_year": 2025, "signatory_name": "Комитет", "signatory_position": "Председатель"}))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let foreign = app
        .post(
            &format!("/api/projects/{p}/plan-items"),
            Some(&s.teacher),
            &plan_item(other.teacher_id, "2025-09-30"),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(foreign.errors[0].field, "responsible_id");
    let late = app
        .post(
            &format!("/api/projects/{p}/plan-items"),
            Some(&s.teacher),
            &plan_item(s.teacher_id, "2026-09-30"),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(late.errors[0].field, "deadline");
    app.post(
        &format!("/api/projects/{p}/package/work_plan"),
        Some(&other.teacher),
        &json!({}),
    )
    .await
    .problem(StatusCode::NOT_FOUND, "not_found");
    let empty = app
        .post(
            &format!("/api/projects/{p}/package/results_tracking"),
            Some(&s.teacher),
            &json!({}),
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        empty.reason.map(openapi::RefusalReason::as_str),
        Some("nothing_to_submit")
    );
    app.post(
        &format!("/api/projects/{p}/package/budget"),
        Some(&s.teacher),
        &json!({}),
    )
    .await
    .problem(StatusCode::BAD_REQUEST, "invalid_path");
    // Read back: none of the refusals above wrote.
    let items: openapi::Page<PlanItem> = app
        .get(&format!("/api/projects/{p}/plan-items"), Some(&s.teacher))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        items.items,
        std::slice::from_ref(&item),
        "a refused plan-item write wrote"
    );
    let orders: Vec<Order> = app
        .get(&format!("/api/projects/{p}/orders"), Some(&s.teacher))
        .await
        .json(StatusCode::OK);
    assert!(orders.is_empty(), "a refused order was created");
    for kind in ["work_plan", "results_tracking"] {
        let versions: Vec<DocumentVersion> = app
            .get(&format!("/api/projects/{p}/package/{kind}"), Some(&s.teacher))
            .await
            .json(StatusCode::OK);
        assert!(versions.is_empty(), "a refused {kind} was submitted");
    }
    let mut card = project_body("Смысловое чтение на уроках естественнонаучного цикла");
    let round: RankingRound = app
        .post(
            "/api/ranking-rounds",
            Some(&other.council),
            &json!({"school_year": 2025}),
        )
        .await
        .json(StatusCode::CREATED);
    let theirs: SchoolProblem = app
        .post(
            &format!("/api/ranking-rounds/{}/problems", round.id),
            Some(&other.council),
            &json!({"title": "Проблема другой школы", "description": "Описание проблемы"}),
        )
        .await
        .json(StatusCode::CREATED);
    card["problem_ids"] = json!([theirs.id]);
    let wrong = app
        .send(
            Method::PUT,
            &format!("/api/projects/{p}"),
            Some(&s.director),
            Some(&card),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(wrong.errors[0].field, "problem_ids[0]");
    let waiting: Vec<WaitingItem> = app
        .get("/api/me/approvals", Some(&other.council))
        .await
        .json(StatusCode::OK);
    assert!(
        waiting.is_empty(),
        "another school's versions do not wait for this council"
    );
    let waiting: Vec<WaitingItem> = app
        .get("/api/me/approvals", Some(&s.council))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        waiting.iter().map(|w| (w.kind, w.id)).collect::<Vec<_>>(),
        [(WaitingKind::DocumentVersion, version.id)]
    );
}

#[tokio::test]
async fn the_card_keeps_directions_and_an_external_supervisor_and_the_director_confirms_the_platform_yearly() {
    let app = spawn_app().await;
    let s = school(&app, "СОШ № 61").await;
    let p = s.project.id;
    assert_eq!(
        s.project.directions,
        [
            "Разработка методических рекомендаций",
            "Сетевое взаимодействие со школами района"
        ]
    );

    let confirm = |token: &'static str, body: Value| {
        let app = &app;
        let token = if token == "director" {
            s.director.clone()
        } else {
            s.council.clone()
        };
        async move {
            app.post(&format!("/api/projects/{p}/confirmations"), Some(&token), &body)
                .await
        }
    };
    let body =
        json!({"school_year": 2025, "confirmed_on": "2025-08-25", "basis": "Приказ комитета от 25.08.2025 № 312"});
    confirm("council", body.clone())
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let confirmed: Project = confirm("director", body.clone()).await.json(StatusCode::CREATED);
    assert_eq!(
        confirmed
            .confirmations
            .iter()
            .map(|c| (c.school_year, c.basis.as_str()))
            .collect::<Vec<_>>(),
        [(2025, "Приказ комитета от 25.08.2025 № 312")]
    );
    let twice = confirm("director", body)
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(twice.reason.map(openapi::RefusalReason::as_str), Some("year_confirmed"));
    let outside = confirm(
        "director",
        json!({"school_year": 2031, "confirmed_on": "2025-08-25", "basis": "Приказ комитета"}),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(outside.errors[0].field, "school_year");
    let future = confirm(
        "director",
        json!({"school_year": 2026, "confirmed_on": tests::days_from_today(1), "basis": "Приказ комитета"}),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(future.errors[0].field, "confirmed_on");
    let reread: Project = app
        .get(&format!("/api/projects/{p}"), Some(&s.director))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        reread.confirmations, confirmed.confirmations,
        "a refused confirmation was written"
    );

    // A laboratory under an external supervisor keeps the affiliation; a platform has none.
    let mut lab = project_body("Школа-лаборатория по естественнонаучной грамотности");
    lab["level"] = json!("laboratory");
    lab["platform_status"] = Value::Null;
    lab["supervisor_name"] = json!("Кравцова Анна Сергеевна");
    lab["supervisor_affiliation"] = json!("Кузбасский гуманитарно-педагогический институт КемГУ");
    lab["directions"] = json!(["Исследование", "Апробация"]);
    let created: Project = app
        .post("/api/projects", Some(&s.director), &lab)
        .await
        .json(StatusCode::CREATED);
    assert_eq!(
        created.supervisor_affiliation.as_deref(),
        Some("Кузбасский гуманитарно-педагогический институт КемГУ")
    );
    let mut wrong = project_body("Площадка без научного руководителя");
    wrong["supervisor_affiliation"] = json!("Институт");
    wrong["directions"] = json!(["ок"]);
    let refused = app
        .post("/api/projects", Some(&s.director), &wrong)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fields: Vec<&str> = refused.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["supervisor_affiliation", "directions[0]"]);
    let confirmations_of_lab = app
        .post(
            &format!("/api/projects/{}/confirmations", created.id),
            Some(&s.director),
            &json!({"school_year": 2025, "confirmed_on": "2025-08-25", "basis": "Приказ комитета"}),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(confirmations_of_lab.errors[0].field, "school_year");
}

#[tokio::test]
async fn files_are_attached_to_versions_under_review_and_count_as_a_plan_items_evidence() {
    let app = spawn_app().await;
    let s = school(&app, "СОШ № 61").await;
    let other = school(&app, "Гимназия № 17").await;
    let p = s.project.id;
    let pdf = b"%PDF-1.7\n%demo".to_vec();
    let upload = |path: String, token: String, name: &'static str, body: Vec<u8>| {
        let app = &app;
        async move {
            app.send_raw(
                Method::POST,
                &format!("{path}?file_name={name}"),
                Some(&token),
                "application/octet-stream",
                body,
            )
            .await
        }
    };

    // A plan item: done needs evidence; an attached file is evidence.
    let item: PlanItem = app
        .post(
            &format!("/api/projects/{p}/plan-items"),
            Some(&s.teacher),
            &plan_item(s.teacher_id, "2025-09-30"),
        )
        .await
        .json(StatusCode::CREATED);
    let mut done = plan_item(s.teacher_id, "2025-09-30");
    done["status"] = json!("done");
    done["done_on"] = json!("2025-09-29");
    let missing = app
        .send(
            Method::PUT,
            &format!("/api/plan-items/{}", item.id),
            Some(&s.teacher),
            Some(&done),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(missing.errors[0].field, "evidence");
    let file: openapi::plan::Attachment = upload(
        format!("/api/plan-items/{}/attachments", item.id),
        s.teacher.clone(),
        "protocol.pdf",
        pdf.clone(),
    )
    .await
    .json(StatusCode::CREATED);
    assert_eq!(
        (file.file_name.as_str(), file.content_type.as_str()),
        ("protocol.pdf", "application/pdf")
    );
    let finished: PlanItem = app
        .send(
            Method::PUT,
            &format!("/api/plan-items/{}", item.id),
            Some(&s.teacher),
            Some(&done),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (finished.status, finished.attachments.len()),
        (openapi::plan::PlanStatus::Done, 1)
    );
    let download = app
        .client
        .get(format!("{}/api/attachments/{}", app.address, file.id))
        .bearer_auth(&s.director)
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.bytes().await.unwrap().to_vec(), pdf);
    app.get(&format!("/api/attachments/{}", file.id), Some(&other.teacher))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    upload(
        format!("/api/plan-items/{}/attachments", item.id),
        other.teacher.clone(),
        "x.pdf",
        pdf.clone(),
    )
    .await
    .problem(StatusCode::NOT_FOUND, "not_found");
    let fake = upload(
        format!("/api/plan-items/{}/attachments", item.id),
        s.teacher.clone(),
        "photo.png",
        pdf.clone(),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(fake.errors[0].field, "file", "the content is not a PNG");

    // A version takes files while under review only.
    let version = submit(&app, &s.teacher, p.0, "innovation_map", json!({ "map": map() })).await;
    let appendix: openapi::plan::Attachment = upload(
        format!("/api/document-versions/{}/attachments", version.id),
        s.teacher.clone(),
        "appendix.pdf",
        pdf.clone(),
    )
    .await
    .json(StatusCode::CREATED);
    let history: Vec<DocumentVersion> = app
        .get(&format!("/api/projects/{p}/package/innovation_map"), Some(&s.teacher))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        history[0].attachments.iter().map(|a| a.id).collect::<Vec<_>>(),
        [appendix.id]
    );
    review(&app, &s.council, version.id, json!({"decision": "approve"}))
        .await
        .json::<DocumentVersion>(StatusCode::OK);
    let late = upload(
        format!("/api/document-versions/{}/attachments", version.id),
        s.teacher.clone(),
        "late.pdf",
        pdf.clone(),
    )
    .await
    .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        late.reason.map(openapi::RefusalReason::as_str),
        Some("not_under_review")
    );
    let kept = app
        .send(
            Method::DELETE,
            &format!("/api/attachments/{}", appendix.id),
            Some(&s.teacher),
            None,
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        kept.reason.map(openapi::RefusalReason::as_str),
        Some("not_under_review")
    );
    let still: Vec<DocumentVersion> = app
        .get(&format!("/api/projects/{p}/package/innovation_map"), Some(&s.teacher))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        still[0].attachments.iter().map(|a| a.id).collect::<Vec<_>>(),
        [appendix.id],
        "the refused delete removed the record"
    );
    let bytes = app
        .client
        .get(format!("{}/api/attachments/{}", app.address, appendix.id))
        .bearer_auth(&s.teacher)
        .send()
        .await
        .unwrap();
    assert_eq!(bytes.status(), StatusCode::OK);
    assert_eq!(
        bytes.bytes().await.unwrap().to_vec(),
        pdf,
        "the refused delete removed the file"
    );

    // The plan item's file can be removed; the evidence rule then applies again.
    let removed = app
        .send(
            Method::DELETE,
            &format!("/api/attachments/{}", file.id),
            Some(&s.teacher),
            None,
        )
        .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT);
    app.get(&format!("/api/attachments/{}", file.id), Some(&s.teacher))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
}
