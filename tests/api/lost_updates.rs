//! No lost updates: every editable record carries a version, reads answer it as a strong
//! `ETag`, changes and decisions name it in `If-Match` (`428` without, `412` when stale),
//! and of two writers that read the same version exactly one wins. Ranking scores and
//! the freeze are serialised: no score lands after a freeze.

use openapi::projects::Project;
use openapi::ranking::{Ranking, RankingRound, SchoolProblem};
use openapi::structures::Structure;
use openapi::users::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tests::fixtures::{HostSchool, TestUser, project_body};
use tests::{Reply, TestApp, etag_version, spawn_app};

async fn put_project(app: &TestApp, school: &HostSchool, if_match: Option<&str>, title: &str) -> Reply {
    app.send_if_match(
        Method::PUT,
        &format!("/api/projects/{}", school.project.id),
        Some(&school.staff),
        if_match,
        Some(&project_body(title)),
    )
    .await
}

async fn read_project(app: &TestApp, school: &HostSchool) -> (Project, Reply) {
    let reply = app
        .get(&format!("/api/projects/{}", school.project.id), Some(&school.staff))
        .await;
    (reply.json(StatusCode::OK), reply)
}

#[tokio::test]
async fn reads_and_writes_carry_the_version_as_a_strong_etag() {
    let app = spawn_app().await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    assert_eq!(school.project.version, 1, "a new record is at version 1");
    let (project, reply) = read_project(&app, &school).await;
    assert_eq!(etag_version(&reply), project.version);
    assert_eq!(reply.headers["etag"], "\"1\"");

    let changed = put_project(&app, &school, Some("\"1\""), "Новое название").await;
    let body: Project = changed.json(StatusCode::OK);
    assert_eq!((body.version, etag_version(&changed)), (2, 2));
    let (again, reply) = read_project(&app, &school).await;
    assert_eq!((again.title.as_str(), again.version), ("Новое название", 2));
    assert_eq!(etag_version(&reply), 2);
}

#[tokio::test]
async fn a_change_without_if_match_is_refused_with_428_and_writes_nothing() {
    let app = spawn_app().await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    let problem = put_project(&app, &school, None, "Без версии")
        .await
        .problem(StatusCode::PRECONDITION_REQUIRED, "precondition_required");
    assert!(problem.detail.unwrap_or_default().contains("If-Match"));
    // `*` names no version either: a change must say which one it was made on.
    put_project(&app, &school, Some("*"), "Без версии")
        .await
        .problem(StatusCode::PRECONDITION_REQUIRED, "precondition_required");
    let (project, _) = read_project(&app, &school).await;
    assert_eq!((project.title.as_str(), project.version), ("Проект", 1));
}

#[tokio::test]
async fn a_stale_if_match_is_refused_with_412_and_writes_nothing() {
    let app = spawn_app().await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    put_project(&app, &school, Some("\"1\""), "Первая правка")
        .await
        .json::<Project>(StatusCode::OK);

    let stale = put_project(&app, &school, Some("\"1\""), "Правка по старой версии").await;
    stale.problem(StatusCode::PRECONDITION_FAILED, "precondition_failed");
    assert_eq!(etag_version(&stale), 2, "the 412 names the current version");
    for unmatchable in ["W/\"2\"", "2", "\"2\", \"3\""] {
        put_project(&app, &school, Some(unmatchable), "Слабая метка")
            .await
            .problem(StatusCode::PRECONDITION_FAILED, "precondition_failed");
    }
    let (project, _) = read_project(&app, &school).await;
    assert_eq!((project.title.as_str(), project.version), ("Первая правка", 2));
    let trail: openapi::Page<openapi::audit::AuditEntry> = app
        .get(
            &format!("/api/audit?entity=project&entity_id={}", school.project.id),
            Some(&school.staff),
        )
        .await
        .json(StatusCode::OK);
    let updates = trail
        .items
        .iter()
        .filter(|entry| entry.action.as_str() == "update")
        .count();
    assert_eq!(updates, 1, "only the first change is in the audit trail");
}

#[tokio::test]
async fn of_two_concurrent_writers_with_the_same_version_exactly_one_wins() {
    let app = spawn_app().await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    for round in 0..5 {
        let (before, _) = read_project(&app, &school).await;
        let tag = format!("\"{}\"", before.version);
        let (left, right) = (format!("Правка А {round}"), format!("Правка Б {round}"));
        let (a, b) = tokio::join!(
            put_project(&app, &school, Some(&tag), &left),
            put_project(&app, &school, Some(&tag), &right)
        );
        let mut statuses = [a.status, b.status];
        statuses.sort();
        assert_eq!(
            statuses,
            [StatusCode::OK, StatusCode::PRECONDITION_FAILED],
            "round {round}: {} / {}",
            a.body,
            b.body
        );
        let (winner, loser) = if a.status == StatusCode::OK { (a, b) } else { (b, a) };
        loser.problem(StatusCode::PRECONDITION_FAILED, "precondition_failed");
        let won: Project = winner.json(StatusCode::OK);
        let (after, _) = read_project(&app, &school).await;
        assert_eq!(after.version, before.version + 1, "one write, one version");
        assert_eq!(after.title, won.title, "the stored record is the winner's");
    }
}

#[tokio::test]
async fn the_directors_approval_names_the_version_approved_and_refuses_a_changed_one() {
    let app = spawn_app().await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    let council = TestUser::new(school.org, &[Role::Council]).create(&app);
    let council_token = council.token(&app).await;
    let teacher = TestUser::new(school.org, &[Role::Staff]).create(&app);
    let members = |extra: bool| {
        let mut members =
            vec![json!({"user_id": council.id.0, "function": "head", "competence": "Руководство группой"})];
        if extra {
            members.push(json!({"user_id": teacher.id.0, "function": "member", "competence": "Сценарии уроков"}));
        }
        json!({"kind": "creative_group", "name": "Творческая группа", "members": members})
    };
    let formed: Structure = app
        .post(
            &format!("/api/projects/{}/structures", school.project.id),
            Some(&council_token),
            &members(false),
        )
        .await
        .json(StatusCode::CREATED);
    let seen_by_director = format!("\"{}\"", formed.version);

    // The council adds a member after the director opened the page.
    let edit = app
        .send_if_match(
            Method::PUT,
            &format!("/api/structures/{}", formed.id),
            Some(&council_token),
            Some(&seen_by_director),
            Some(&members(true)),
        )
        .await;
    let edited: Structure = edit.json(StatusCode::OK);
    assert_eq!(edited.version, formed.version + 1);

    let approval = format!("/api/structures/{}/approval", formed.id);
    app.send_if_match(Method::POST, &approval, Some(&school.staff), None, Some(&json!({})))
        .await
        .problem(StatusCode::PRECONDITION_REQUIRED, "precondition_required");
    app.send_if_match(
        Method::POST,
        &approval,
        Some(&school.staff),
        Some(&seen_by_director),
        Some(&json!({})),
    )
    .await
    .problem(StatusCode::PRECONDITION_FAILED, "precondition_failed");
    let unapproved: Vec<Structure> = app
        .get(
            &format!("/api/projects/{}/structures", school.project.id),
            Some(&council_token),
        )
        .await
        .json(StatusCode::OK);
    assert!(unapproved[0].approvals.is_empty(), "the unseen edit was not approved");

    let current = format!("\"{}\"", edited.version);
    let approved: Structure = app
        .send_if_match(
            Method::POST,
            &approval,
            Some(&school.staff),
            Some(&current),
            Some(&json!({})),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(approved.approvals.len(), 1);
    assert_eq!(approved.approvals[0].structure_version, Some(edited.version));
    assert_eq!(
        approved.approvals[0].members.len(),
        2,
        "the composition the director saw"
    );
    assert_eq!(approved.version, edited.version + 1);
}

struct Council {
    director: String,
    members: Vec<String>,
}

async fn council(app: &TestApp, school: &HostSchool, size: usize) -> Council {
    let mut members = Vec::new();
    for index in 0..size {
        let token = TestUser::new(school.org, &[Role::Council])
            .named(&format!("Член совета {index}"))
            .create(app)
            .token(app)
            .await;
        members.push(token);
    }
    Council {
        director: school.staff.clone(),
        members,
    }
}

#[tokio::test]
async fn a_score_racing_the_freeze_never_lands_after_it() {
    let app = spawn_app().await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    let council = council(&app, &school, 6).await;
    let round: RankingRound = app
        .post(
            "/api/ranking-rounds",
            Some(&council.members[0]),
            &json!({"school_year": 2026, "criteria": [{"title": "Значимость", "weight": 1}]}),
        )
        .await
        .json(StatusCode::CREATED);
    let problem: SchoolProblem = app
        .post(
            &format!("/api/ranking-rounds/{}/problems", round.id),
            Some(&council.members[0]),
            &json!({"title": "Низкая мотивация", "description": "Описание проблемы школы", "evidence": "ВПР"}),
        )
        .await
        .json(StatusCode::CREATED);

    let path = format!("/api/problems/{}/scores/me", problem.id);
    let bodies: Vec<Value> = (0..6).map(|index| json!({ "scores": [index % 5 + 1] })).collect();
    let score = |index: usize| app.put(&path, Some(&council.members[index]), &bodies[index]);
    let freeze_path = format!("/api/ranking-rounds/{}/freeze", round.id);
    let nothing = json!({});
    let freezing = app.post(&freeze_path, Some(&council.director), &nothing);
    // The freeze is sent amid the scores: some land before it, the rest are refused.
    let (s0, s1, s2, frozen, s3, s4, s5) =
        tokio::join!(score(0), score(1), score(2), freezing, score(3), score(4), score(5));
    let scores = [s0, s1, s2, s3, s4, s5];
    let frozen: Ranking = frozen.json(StatusCode::OK);
    assert_eq!(frozen.round.version, round.version + 1, "the freeze moves the round on");

    let mut accepted = 0;
    for reply in &scores {
        match reply.status {
            StatusCode::OK => accepted += 1,
            StatusCode::CONFLICT => {
                let refused = reply.problem(StatusCode::CONFLICT, "conflict");
                assert_eq!(refused.reason.map(|r| r.as_str()), Some("ranking_frozen"));
            }
            other => panic!("a score answered {other}: {}", reply.body),
        }
    }
    let members_in_freeze = frozen.problems[0].members.len();
    assert_eq!(
        members_in_freeze, accepted,
        "every accepted score is in the frozen ranking, and no other"
    );
    let now: Ranking = app
        .get(&format!("/api/ranking-rounds/{}", round.id), Some(&council.director))
        .await
        .json(StatusCode::OK);
    assert_eq!(now.problems, frozen.problems, "nothing landed after the freeze");
    let late = app
        .put(
            &format!("/api/problems/{}/scores/me", problem.id),
            Some(&council.members[0]),
            &json!({"scores": [5]}),
        )
        .await;
    late.problem(StatusCode::CONFLICT, "conflict");
}
