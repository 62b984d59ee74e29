use openapi::organisations::{Organisation, OrganisationKind};
use openapi::users::Role;
use openapi::{FieldErrorCode, Page};
use reqwest::StatusCode;
use serde_json::json;
use tests::fixtures::{TestOrg, TestUser};
use tests::spawn_app;

#[tokio::test]
async fn a_platform_admin_registers_a_school_and_a_duplicate_name_is_refused_in_any_case() {
    let app = spawn_app().await;
    let committee = TestOrg::committee("Комитет").create(&app);
    let token = TestUser::new(committee, &[Role::Admin])
        .platform_admin()
        .create(&app)
        .token(&app)
        .await;
    let body = json!({"name": "МАОУ «Лицей № 76»", "short_name": "Лицей № 76", "kind": "school", "municipality": "Новокузнецк"});
    let created: Organisation = app
        .post("/api/organisations", Some(&token), &body)
        .await
        .json(StatusCode::CREATED);
    assert_eq!(
        (created.short_name.as_str(), created.kind),
        ("Лицей № 76", OrganisationKind::School)
    );
    let fetched: Organisation = app
        .get(&format!("/api/organisations/{}", created.id), Some(&token))
        .await
        .json(StatusCode::OK);
    assert_eq!(fetched, created);

    let shouting =
        json!({"name": "маоу «ЛИЦЕЙ № 76»", "short_name": "Лицей", "kind": "school", "municipality": "Новокузнецк"});
    let problem = app
        .post("/api/organisations", Some(&token), &shouting)
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(
        (problem.errors[0].field.as_str(), problem.errors[0].code),
        ("name", FieldErrorCode::Taken)
    );
    let invalid = json!({"name": "Ш", "short_name": "", "kind": "school", "municipality": "Н"});
    let fields: Vec<String> = app
        .post("/api/organisations", Some(&token), &invalid)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .errors
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, ["name", "short_name", "municipality"]);
}

#[tokio::test]
async fn organisations_are_searched_in_cyrillic_filtered_by_kind_and_paginated() {
    let app = spawn_app().await;
    for n in 1..=25 {
        TestOrg::school(&format!("Школа {n:02}")).create(&app);
    }
    TestOrg::school("Гимназия Звезда").create(&app);
    let committee = TestOrg::committee("Комитет образования").create(&app);
    let token = TestUser::new(committee, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;

    let first: Page<Organisation> = app
        .get("/api/organisations?per_page=10", Some(&token))
        .await
        .json(StatusCode::OK);
    assert_eq!((first.items.len(), first.total, first.page_count()), (10, 27, 3));
    let last: Page<Organisation> = app
        .get("/api/organisations?per_page=10&page=3", Some(&token))
        .await
        .json(StatusCode::OK);
    assert_eq!(last.items.len(), 7);
    let beyond: Page<Organisation> = app
        .get("/api/organisations?per_page=10&page=9", Some(&token))
        .await
        .json(StatusCode::OK);
    assert!(beyond.items.is_empty());

    let found: Page<Organisation> = app
        .get("/api/organisations?q=%D0%97%D0%92%D0%81%D0%97%D0%94", Some(&token))
        .await
        .json(StatusCode::OK);
    assert_eq!(found.total, 0, "ЗВЁЗД must not match Звезда (ё ≠ е)");
    let found: Page<Organisation> = app
        .get("/api/organisations?q=%D0%97%D0%92%D0%95%D0%97%D0%94", Some(&token))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        found.items.iter().map(|o| o.short_name.as_str()).collect::<Vec<_>>(),
        ["Гимназия Звезда"]
    );
    let committees: Page<Organisation> = app
        .get("/api/organisations?kind=committee", Some(&token))
        .await
        .json(StatusCode::OK);
    assert_eq!(committees.total, 1);
    let wildcard: Page<Organisation> = app
        .get("/api/organisations?q=%25", Some(&token))
        .await
        .json(StatusCode::OK);
    assert_eq!(wildcard.total, 0, "a % in the search is a literal");
}
