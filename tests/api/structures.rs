//! Managing structures: composition rules, the director's approval, approval again
//! after a change, the history, and who may do what.

use openapi::structures::{Structure, StructureStatus};
use openapi::users::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tests::fixtures::{HostSchool, TestOrg, TestUser};
use tests::spawn_app;

fn group(head: i64, member: i64) -> Value {
    json!({
        "kind": "creative_group",
        "name": "Творческая группа учителей математики",
        "members": [
            {"user_id": member, "function": "member", "competence": "Разработка сценариев уроков"},
            {"user_id": head, "function": "head", "competence": "Руководство группой, отчётность"}
        ]
    })
}

#[tokio::test]
async fn the_director_approves_a_composition_and_a_change_needs_approval_again() {
    let app = spawn_app().await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    let council = TestUser::new(school.org, &[Role::Council])
        .named("Иванова Мария")
        .create(&app);
    let council_token = council.token(&app).await;
    let teacher = TestUser::new(school.org, &[Role::Staff])
        .named("Петров Пётр")
        .create(&app);
    let path = format!("/api/projects/{}/structures", school.project.id);

    let formed: Structure = app
        .post(&path, Some(&council_token), &group(council.id.0, teacher.id.0))
        .await
        .json(StatusCode::CREATED);
    assert_eq!(formed.status, StructureStatus::Draft);
    assert_eq!(
        formed.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(),
        ["Иванова Мария", "Петров Пётр"],
        "the head first"
    );

    let refused = app
        .post(
            &format!("/api/structures/{}/approval", formed.id),
            Some(&council_token),
            &json!({}),
        )
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(refused.status, 403);
    let unchanged: Vec<Structure> = app.get(&path, Some(&council_token)).await.json(StatusCode::OK);
    assert_eq!(unchanged[0].status, StructureStatus::Draft, "nothing written");

    let approved: Structure = app
        .post(
            &format!("/api/structures/{}/approval", formed.id),
            Some(&school.staff),
            &json!({}),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (approved.status, approved.approvals.len()),
        (StructureStatus::Approved, 1)
    );
    let again = app
        .post(
            &format!("/api/structures/{}/approval", formed.id),
            Some(&school.staff),
            &json!({}),
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        again.reason.map(openapi::RefusalReason::as_str),
        Some("already_approved")
    );

    let mut changed_body = group(teacher.id.0, council.id.0);
    changed_body["name"] = json!("Творческая группа (новый состав)");
    let changed: Structure = app
        .put(
            &format!("/api/structures/{}", formed.id),
            Some(&council_token),
            &changed_body,
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(changed.status, StructureStatus::Changed);
    let reapproved: Structure = app
        .post(
            &format!("/api/structures/{}/approval", formed.id),
            Some(&school.staff),
            &json!({}),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(
        reapproved.approvals.iter().map(|a| a.number).collect::<Vec<_>>(),
        [2, 1]
    );
    assert_eq!(
        reapproved.approvals[1].members[0].name, "Иванова Мария",
        "the first approval keeps its composition"
    );
    assert_eq!(reapproved.approvals[0].members[0].name, "Петров Пётр");
}

#[tokio::test]
async fn compositions_are_checked_and_other_schools_see_nothing() {
    let app = spawn_app().await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    let teacher = TestUser::new(school.org, &[Role::Staff]).create(&app);
    let teacher_token = teacher.token(&app).await;
    let other = HostSchool::create(&app, "Гимназия № 17").await;
    let stranger = TestUser::new(other.org, &[Role::Staff]).create(&app);
    let path = format!("/api/projects/{}/structures", school.project.id);
    let admin_id = app
        .get("/api/me", Some(&school.staff))
        .await
        .json::<Value>(StatusCode::OK)["id"]
        .as_i64()
        .unwrap();

    let foreign = app
        .post(&path, Some(&school.staff), &group(admin_id, stranger.id.0))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(foreign.errors[0].field, "members[0].user_id");
    let two_heads = json!({"kind": "council", "name": "Совет", "members": [
        {"user_id": admin_id, "function": "head", "competence": "Председатель"},
        {"user_id": teacher.id.0, "function": "head", "competence": "Председатель"}
    ]});
    app.post(&path, Some(&school.staff), &two_heads)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    app.post(&path, Some(&teacher_token), &group(admin_id, teacher.id.0))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    let none: Vec<Structure> = app.get(&path, Some(&school.staff)).await.json(StatusCode::OK);
    assert!(none.is_empty(), "no refused structure was written");

    let formed: Structure = app
        .post(&path, Some(&school.staff), &group(admin_id, teacher.id.0))
        .await
        .json(StatusCode::CREATED);
    app.get(&path, Some(&other.staff))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    let mut renamed = group(admin_id, teacher.id.0);
    renamed["name"] = json!("Чужая правка");
    app.put(&format!("/api/structures/{}", formed.id), Some(&other.staff), &renamed)
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    app.post(
        &format!("/api/structures/{}/approval", formed.id),
        Some(&other.staff),
        &json!({}),
    )
    .await
    .problem(StatusCode::NOT_FOUND, "not_found");
    let partner_org = TestOrg::school("СОШ № 12").create(&app);
    let partner = TestUser::new(partner_org, &[Role::Partner])
        .create(&app)
        .token(&app)
        .await;
    app.get(&path, Some(&partner))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    let committee = TestOrg::committee("Комитет").create(&app);
    let reader = TestUser::new(committee, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    let read: Vec<Structure> = app.get(&path, Some(&reader)).await.json(StatusCode::OK);
    assert_eq!(read.len(), 1);
    app.post(
        &format!("/api/structures/{}/approval", formed.id),
        Some(&reader),
        &json!({}),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "forbidden");
    let after: Vec<Structure> = app.get(&path, Some(&school.staff)).await.json(StatusCode::OK);
    assert_eq!(after, [formed], "a refused PUT or approval wrote");
}
