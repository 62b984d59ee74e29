use openapi::Page;
use openapi::feedback::Metrics;
use openapi::resources::{Resource, Stage};
use reqwest::StatusCode;
use tests::spawn_app;

#[tokio::test]
async fn the_demo_municipality_has_a_resource_at_every_step_and_metrics_that_add_up() {
    let app = spawn_app().await;
    let storage = app.state.storage.clone();
    let loaded = app
        .with_db(|conn| backend::demo::load_if_empty(conn, storage.as_ref()))
        .unwrap();
    assert!(loaded);
    let again = app
        .with_db(|conn| backend::demo::load_if_empty(conn, storage.as_ref()))
        .unwrap();
    assert!(!again, "demo data loads into an empty database only");

    let committee = app
        .login("committee@kom.demo", backend::demo::DEMO_PASSWORD)
        .await
        .access_token;
    let resources: Page<Resource> = app.get("/api/resources", Some(&committee)).await.json(StatusCode::OK);
    let mut stages: Vec<Stage> = resources.items.iter().map(|r| r.stage).collect();
    stages.sort();
    assert_eq!(stages, Stage::ALL);
    let bank = resources.items.iter().find(|r| r.stage == Stage::Satisfaction).unwrap();
    let metrics: Metrics = app
        .get(&format!("/api/resources/{}/metrics", bank.id), Some(&committee))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (
            metrics.responses,
            metrics.csat_percent,
            metrics.nps,
            metrics.adopting_schools
        ),
        (5, Some(80.0), Some(20.0), 2)
    );
    for login in ["director@sch61.demo", "partner@sch12.demo", "operator@kom.demo"] {
        app.login(login, backend::demo::DEMO_PASSWORD).await;
    }
}

#[tokio::test]
async fn the_region_scale_generator_fills_every_table_consistently() {
    let app = spawn_app().await;
    let args = backend::seed::SeedArgs {
        schools: 7,
        resources: 30,
        feedback: 300,
    };
    let seeded = app.with_db(|conn| backend::seed::run(conn, args)).unwrap();
    assert_eq!(seeded.rows, 7 + 7 + 7 + 30 + 30 + 30 + 300);
    let committee = openapi::OrganisationId(
        app.with_db(|conn| {
            backend::db::models::organisation::insert(
                conn,
                &backend::db::models::organisation::NewOrganisation {
                    name: "Комитет",
                    short_name: "Комитет",
                    kind: openapi::organisations::OrganisationKind::Committee,
                    municipality: "Округ",
                },
            )
        })
        .unwrap(),
    );
    let token = tests::fixtures::TestUser::new(committee, &[openapi::users::Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    let registry: Page<openapi::feedback::RegistrySchool> = app
        .get("/api/registry?per_page=100", Some(&token))
        .await
        .json(StatusCode::OK);
    assert_eq!(registry.total, 7);
    assert_eq!(registry.items.iter().map(|row| row.metrics.responses).sum::<i64>(), 300);
    let catalogue: Page<openapi::feedback::CatalogueItem> =
        app.get("/api/catalogue", Some(&token)).await.json(StatusCode::OK);
    assert_eq!(catalogue.total, 15, "every other resource is published");
}
