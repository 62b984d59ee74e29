//! The problem-oriented analysis: rounds, problems, the council's scores, the ranking
//! and its freezing, with the refusals.

use openapi::Page;
use openapi::audit::AuditEntry;
use openapi::ranking::{Ranking, RankingRound, SchoolProblem};
use openapi::users::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;
use tests::fixtures::{TestOrg, TestUser};
use tests::{TestApp, spawn_app};

struct School {
    org: openapi::OrganisationId,
    director: String,
    council_a: String,
    council_b: String,
    teacher: String,
}

async fn school(app: &TestApp, short_name: &str) -> School {
    let org = TestOrg::school(short_name).create(app);
    School {
        org,
        director: TestUser::new(org, &[Role::Admin])
            .named("Директор")
            .create(app)
            .token(app)
            .await,
        council_a: TestUser::new(org, &[Role::Council, Role::Staff])
            .named("Андреева Анна")
            .create(app)
            .token(app)
            .await,
        council_b: TestUser::new(org, &[Role::Council])
            .named("Борисов Борис")
            .create(app)
            .token(app)
            .await,
        teacher: TestUser::new(org, &[Role::Staff]).create(app).token(app).await,
    }
}

async fn round(app: &TestApp, token: &str) -> RankingRound {
    app.post(
        "/api/ranking-rounds",
        Some(token),
        &json!({"school_year": 2026, "criteria": [{"title": "Значимость", "weight": 2}, {"title": "Реализуемость", "weight": 1}]}),
    )
    .await
    .json(StatusCode::CREATED)
}

async fn problem(app: &TestApp, token: &str, round: i64, title: &str) -> SchoolProblem {
    app.post(
        &format!("/api/ranking-rounds/{round}/problems"),
        Some(token),
        &json!({"title": title, "description": "Описание проблемы педагогической системы", "evidence": "Результаты ВПР"}),
    )
    .await
    .json(StatusCode::CREATED)
}

async fn score(app: &TestApp, token: &str, problem: i64, scores: &[u8]) -> tests::Reply {
    app.put(
        &format!("/api/problems/{problem}/scores/me"),
        Some(token),
        &json!({ "scores": scores }),
    )
    .await
}

#[tokio::test]
async fn the_council_scores_and_the_ranking_follows_the_documented_method() {
    let app = spawn_app().await;
    let s = school(&app, "СОШ № 61").await;
    let r = round(&app, &s.council_a).await;
    assert_eq!(r.criteria.len(), 2);
    let motivation = problem(&app, &s.council_a, r.id, "Низкая учебная мотивация").await;
    let reading = problem(&app, &s.director, r.id, "Слабая читательская грамотность").await;
    let unscored = problem(&app, &s.council_a, r.id, "Перегрузка учителей").await;

    // Weights 2 and 1. Motivation: A (5,2) → 12/3 = 4.0; B (3,3) → 3.0; mean 3.5.
    // Reading: only A (4,2) → 10/3 = 3.33; member B did not score it.
    score(&app, &s.council_a, motivation.id, &[5, 2])
        .await
        .json::<Ranking>(StatusCode::OK);
    score(&app, &s.council_b, motivation.id, &[3, 3])
        .await
        .json::<Ranking>(StatusCode::OK);
    let ranking: Ranking = score(&app, &s.council_a, reading.id, &[4, 2])
        .await
        .json(StatusCode::OK);
    let table: Vec<(i64, Option<u32>, Option<f64>, usize)> = ranking
        .problems
        .iter()
        .map(|p| (p.problem.id, p.rank, p.score, p.members.len()))
        .collect();
    assert_eq!(
        table,
        [
            (motivation.id, Some(1), Some(3.5), 2),
            (reading.id, Some(2), Some(3.33), 1),
            (unscored.id, None, None, 0)
        ]
    );
    assert_eq!(ranking.problems[0].criterion_means, [Some(4.0), Some(2.5)]);
    let names: Vec<(&str, i64)> = ranking.council.iter().map(|m| (m.name.as_str(), m.scored)).collect();
    assert_eq!(names, [("Андреева Анна", 2), ("Борисов Борис", 1)]);
    assert_eq!(ranking.problems[0].members[0].weighted, 4.0);

    // Scoring again replaces the member's scores.
    let again: Ranking = score(&app, &s.council_b, motivation.id, &[1, 1])
        .await
        .json(StatusCode::OK);
    assert_eq!(
        again.problems[0].problem.id, reading.id,
        "motivation fell to (4 + 1) / 2 = 2.5"
    );

    // Criteria are fixed once someone scored.
    app.put(
        &format!("/api/ranking-rounds/{}/criteria", r.id),
        Some(&s.council_a),
        &json!({"criteria": [{"title": "Значимость", "weight": 1}]}),
    )
    .await
    .problem(StatusCode::CONFLICT, "conflict");

    // The director freezes; nothing changes afterwards.
    let frozen: Ranking = app
        .post(
            &format!("/api/ranking-rounds/{}/freeze", r.id),
            Some(&s.director),
            &json!({}),
        )
        .await
        .json(StatusCode::OK);
    assert!(frozen.round.frozen_at.is_some());
    let refused = score(&app, &s.council_a, unscored.id, &[3, 3])
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        refused.reason.map(openapi::RefusalReason::as_str),
        Some("ranking_frozen")
    );
    problem_refused(&app, &s.council_a, r.id).await;
    app.send(
        Method::DELETE,
        &format!("/api/problems/{}", unscored.id),
        Some(&s.director),
        None,
    )
    .await
    .problem(StatusCode::CONFLICT, "conflict");
    let after: Ranking = app
        .get(&format!("/api/ranking-rounds/{}", r.id), Some(&s.teacher))
        .await
        .json(StatusCode::OK);
    assert_eq!(after.problems, again.problems, "frozen: the same result for everyone");

    let trail: Page<AuditEntry> = app
        .get(
            &format!("/api/audit?entity=ranking_round&entity_id={}", r.id),
            Some(&s.director),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(
        trail.items.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["freeze", "create"]
    );
}

async fn problem_refused(app: &TestApp, token: &str, round: i64) {
    let refused = app
        .post(
            &format!("/api/ranking-rounds/{round}/problems"),
            Some(token),
            &json!({"title": "Ещё одна проблема", "description": "Описание проблемы"}),
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        refused.reason.map(openapi::RefusalReason::as_str),
        Some("ranking_frozen")
    );
}

#[tokio::test]
async fn only_council_members_score_and_only_the_director_freezes_and_nothing_is_written() {
    let app = spawn_app().await;
    let s = school(&app, "СОШ № 61").await;
    let other = school(&app, "Гимназия № 17").await;
    let r = round(&app, &s.council_a).await;
    let p = problem(&app, &s.council_a, r.id, "Низкая учебная мотивация").await;

    score(&app, &s.teacher, p.id, &[5, 5])
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    score(&app, &s.director, p.id, &[5, 5])
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    score(&app, &other.council_a, p.id, &[5, 5])
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    let invalid = score(&app, &s.council_a, p.id, &[5, 6])
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(invalid.errors[0].field, "scores[1]");
    score(&app, &s.council_a, p.id, &[5])
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    app.post(
        &format!("/api/ranking-rounds/{}/problems", r.id),
        Some(&s.teacher),
        &json!({"title": "Проблема учителя", "description": "Описание проблемы"}),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "forbidden");
    app.post(
        &format!("/api/ranking-rounds/{}/freeze", r.id),
        Some(&s.council_a),
        &json!({}),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "forbidden");
    app.post(
        &format!("/api/ranking-rounds/{}/freeze", r.id),
        Some(&other.director),
        &json!({}),
    )
    .await
    .problem(StatusCode::NOT_FOUND, "not_found");

    let ranking: Ranking = app
        .get(&format!("/api/ranking-rounds/{}", r.id), Some(&s.director))
        .await
        .json(StatusCode::OK);
    assert!(ranking.problems[0].members.is_empty(), "no refused score was written");
    assert_eq!(ranking.round.problems, 1);
    assert!(ranking.round.frozen_at.is_none());

    // One round per school and year; another school has its own.
    app.post("/api/ranking-rounds", Some(&s.director), &json!({"school_year": 2026}))
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    let ours: Page<RankingRound> = app
        .get("/api/ranking-rounds", Some(&s.director))
        .await
        .json(StatusCode::OK);
    assert_eq!(ours.total, 1, "the refused second round was created");
    let theirs: RankingRound = app
        .post(
            "/api/ranking-rounds",
            Some(&other.director),
            &json!({"school_year": 2026}),
        )
        .await
        .json(StatusCode::CREATED);
    assert_eq!(
        theirs
            .criteria
            .iter()
            .map(|c| (c.title.as_str(), c.weight))
            .collect::<Vec<_>>(),
        [("Значимость", 3), ("Актуальность", 2), ("Реализуемость", 1)]
    );
    let invalid = app
        .post(
            "/api/ranking-rounds",
            Some(&s.director),
            &json!({"school_year": 2027, "criteria": [{"title": "Значимость", "weight": 11}]}),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(invalid.errors[0].field, "criteria[0].weight");
}

#[tokio::test]
async fn rounds_are_visible_to_the_school_and_the_committee_not_to_others_or_partners() {
    let app = spawn_app().await;
    let s = school(&app, "СОШ № 61").await;
    let other = school(&app, "Гимназия № 17").await;
    let r = round(&app, &s.council_a).await;
    let committee = TestOrg::committee("Комитет").create(&app);
    let reader = TestUser::new(committee, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    let partner_org = TestOrg::school("СОШ № 12").create(&app);
    let partner = TestUser::new(partner_org, &[Role::Partner])
        .create(&app)
        .token(&app)
        .await;

    let mine: Page<RankingRound> = app
        .get("/api/ranking-rounds", Some(&s.teacher))
        .await
        .json(StatusCode::OK);
    assert_eq!(mine.items.iter().map(|x| x.id).collect::<Vec<_>>(), [r.id]);
    let theirs: Page<RankingRound> = app
        .get("/api/ranking-rounds", Some(&other.teacher))
        .await
        .json(StatusCode::OK);
    assert_eq!(theirs.total, 0);
    app.get(&format!("/api/ranking-rounds?org_id={}", s.org), Some(&other.teacher))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    app.get(&format!("/api/ranking-rounds/{}", r.id), Some(&other.director))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    app.get(&format!("/api/ranking-rounds/{}", r.id), Some(&partner))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    app.get("/api/ranking-rounds", Some(&partner))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let all: Page<RankingRound> = app.get("/api/ranking-rounds", Some(&reader)).await.json(StatusCode::OK);
    assert_eq!(all.total, 1);
    app.get(&format!("/api/ranking-rounds/{}", r.id), Some(&reader))
        .await
        .json::<Ranking>(StatusCode::OK);
    app.post("/api/ranking-rounds", Some(&reader), &json!({"school_year": 2026}))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let still: Page<RankingRound> = app.get("/api/ranking-rounds", Some(&reader)).await.json(StatusCode::OK);
    assert_eq!(still.total, 1, "the refused round was created");
}
