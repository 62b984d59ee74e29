//! The stated maximums of lists: a request array past its `maxItems` is refused with
//! `422` naming the array, and a list that grows one record at a time refuses the one
//! past its limit with `409 item_limit`, counted under the parent's lock so that records
//! added at once never pass it.

use futures_util::future::join_all;
use openapi::structures::Structure;
use openapi::users::Role;
use openapi::{FieldErrorCode, Problem, RefusalReason, limits};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tests::fixtures::{HostSchool, TestUser, project_body};
use tests::{Reply, TestApp, days_from_today, spawn_app, spawn_app_sized};

fn structure(head: i64, n: usize) -> Value {
    json!({
        "kind": "creative_group",
        "name": format!("Творческая группа № {n}"),
        "members": [{"user_id": head, "function": "head", "competence": "Руководство группой, отчётность"}]
    })
}

/// The problem of a `422` naming `field` as out of range.
fn names(reply: &Reply, field: &str) -> Problem {
    let problem = reply.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert!(
        problem
            .errors
            .iter()
            .any(|error| error.field == field && error.code == FieldErrorCode::OutOfRange),
        "{field}: {}",
        reply.body
    );
    problem
}

async fn structures(app: &TestApp, school: &HostSchool) -> Vec<Structure> {
    let path = format!("/api/projects/{}/structures", school.project.id);
    app.get(&path, Some(&school.staff)).await.json(StatusCode::OK)
}

#[tokio::test]
async fn a_project_holds_its_stated_number_of_structures_even_when_they_are_formed_at_once() {
    let app = spawn_app_sized(Some(2), 8).await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    let head = TestUser::new(school.org, &[Role::Staff]).create(&app).id.0;
    let path = format!("/api/projects/{}/structures", school.project.id);
    let max = limits::STRUCTURES.max;
    for n in 0..max - 2 {
        app.post(&path, Some(&school.staff), &structure(head, n))
            .await
            .json::<Structure>(StatusCode::CREATED);
    }
    // Eight at once for the last two places.
    let bodies: Vec<Value> = (max - 2..max + 6).map(|n| structure(head, n)).collect();
    let replies = join_all(bodies.iter().map(|body| app.post(&path, Some(&school.staff), body))).await;
    let formed = replies
        .iter()
        .filter(|reply| reply.status == StatusCode::CREATED)
        .count();
    assert_eq!(formed, 2, "{:?}", replies.iter().map(|r| &r.body).collect::<Vec<_>>());
    for reply in replies.iter().filter(|reply| reply.status != StatusCode::CREATED) {
        let problem = reply.problem(StatusCode::CONFLICT, "conflict");
        assert_eq!(problem.reason, Some(RefusalReason::ItemLimit));
    }
    assert_eq!(structures(&app, &school).await.len(), max);
}

#[tokio::test]
async fn request_lists_past_their_published_maximum_are_refused_naming_the_list() {
    let app = spawn_app().await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    let token = Some(school.staff.as_str());

    let values: Vec<Value> = (0..=limits::INDICATOR_VALUES.max)
        .map(|n| json!({"school_year": 2025 + i32::try_from(n).unwrap(), "target": 40.0}))
        .collect();
    let indicator = json!({"title": "Доля учащихся с высоким уровнем чтения", "unit": "%", "values": values});
    let indicators = format!("/api/projects/{}/indicators", school.project.id);
    names(&app.post(&indicators, token, &indicator).await, "values");

    let mut project = project_body("Проект со многими проблемами");
    project["problem_ids"] = json!((1..=limits::CITED_PROBLEMS.max + 1).collect::<Vec<_>>());
    names(&app.post("/api/projects", token, &project).await, "problem_ids");

    let roles = vec!["staff"; limits::ROLES.max + 1];
    let user = json!({"email": "many.roles@school61.ru", "full_name": "Сидорова Анна", "roles": roles, "password": "Пароль-для-проверки"});
    let users = format!("/api/organisations/{}/users", school.org);
    names(&app.post(&users, token, &user).await, "roles");

    let event = json!({
        "role": "organiser", "kind": "seminar", "level": "school",
        "title": "Методический семинар учителей",
        "starts_on": days_from_today(0), "ends_on": days_from_today(0), "place": "Актовый зал"
    });
    let event: Value = app.post("/api/events", token, &event).await.json(StatusCode::CREATED);
    let attended = vec![1; limits::ATTENDED.max + 1];
    let marked = app
        .send(
            Method::PUT,
            &format!("/api/events/{}/attendance", event["id"]),
            token,
            Some(&json!({"attended": attended})),
        )
        .await;
    names(&marked, "attended");

    // Nothing was written.
    let listed: Value = app.get(&indicators, token).await.json(StatusCode::OK);
    assert_eq!(listed, json!([]));
}
