use openapi::Page;
use openapi::feedback::Metrics;
use openapi::resources::{ResourceItem, Stage};
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
    let resources: Page<ResourceItem> = app.get("/api/resources", Some(&committee)).await.json(StatusCode::OK);
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
    // Schools, accounts, projects, resources, versions, deliveries, answers; then pilots
    // (every fourth resource) with two sites and a risk each, a risk per project, cohorts
    // (every sixth resource from the second) with six enrolments (as many other schools as
    // there are), three consultations and four events per school and one fair, six
    // registrations per school's seminar, the fair's registrations of the seven schools'
    // raters, a stand per school rated by five others.
    let dissemination = 8 + 16 + (8 + 7) + 5 + 5 * 6 + 7 * 3 + (7 * 4 + 1) + 7 * 6 + 7 + 7 + 7 * 5;
    assert_eq!(seeded.rows, 7 + 7 + 7 + 30 + 30 + 30 + 300 + dissemination);
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
    let registry: Page<openapi::feedback::RegistryItem> = app
        .get("/api/registry?per_page=100", Some(&token))
        .await
        .json(StatusCode::OK);
    assert_eq!(registry.total, 7);
    assert_eq!(registry.items.iter().map(|row| row.responses).sum::<i64>(), 300);
    let catalogue: Page<openapi::feedback::CatalogueItem> =
        app.get("/api/catalogue", Some(&token)).await.json(StatusCode::OK);
    assert_eq!(catalogue.total, 15, "every other resource is published");
}

#[tokio::test]
async fn the_demo_school_has_one_project_at_each_stage_of_the_launch() {
    use openapi::orders::{Order, OrderStatus};
    use openapi::package::{Package, VersionStatus};
    use openapi::plan::{PlanSummary, ReminderKind, WaitingItem, WaitingKind};
    use openapi::projects::Project;
    use openapi::ranking::{Ranking, RankingRound};
    use openapi::structures::{Structure, StructureStatus};

    let app = spawn_app().await;
    app.load_demo();
    let token = |email: &'static str| app.demo_token(email);
    let committee = token("committee@kom.demo").await;

    // Stage 1: this year's ranking is open and partly scored; last year's is frozen.
    let rounds: Page<RankingRound> = app
        .get("/api/ranking-rounds", Some(&committee))
        .await
        .json(StatusCode::OK);
    let frozen: Vec<bool> = rounds.items.iter().map(|r| r.frozen_at.is_some()).collect();
    assert_eq!(frozen, [false, true], "the latest school year first");
    let open: Ranking = app
        .get(&format!("/api/ranking-rounds/{}", rounds.items[0].id), Some(&committee))
        .await
        .json(StatusCode::OK);
    assert_eq!(open.problems.len(), 3);
    assert_eq!(open.problems.iter().filter(|p| p.rank.is_some()).count(), 1);

    let projects: Page<Project> = app.get("/api/projects", Some(&committee)).await.json(StatusCode::OK);
    let by_title = |fragment: &str| projects.items.iter().find(|p| p.title.contains(fragment)).unwrap().id;
    let (platform, laboratory, reading) = (by_title("Формирующее"), by_title("сетевого"), by_title("Смысловое"));

    // Stage 2: the new project's structure waits for the director.
    let structures: Vec<Structure> = app
        .get(&format!("/api/projects/{reading}/structures"), Some(&committee))
        .await
        .json(StatusCode::OK);
    assert_eq!(structures[0].status, StructureStatus::Draft);
    let waiting: Vec<WaitingItem> = app
        .get("/api/me/approvals", Some(&token("director@sch61.demo").await))
        .await
        .json(StatusCode::OK);
    assert!(
        waiting
            .iter()
            .any(|w| w.kind == WaitingKind::Structure && w.project_id == reading)
    );

    // Stage 3: the laboratory's innovation map: returned once, the second version under review.
    let package: Package = app
        .get(&format!("/api/projects/{laboratory}/package"), Some(&committee))
        .await
        .json(StatusCode::OK);
    assert!(!package.approved);
    let map = package.documents[1].latest.as_ref().unwrap();
    assert_eq!((map.number, map.status), (2, VersionStatus::UnderReview));
    let council_waits: Vec<WaitingItem> = app
        .get("/api/me/approvals", Some(&token("council@sch61.demo").await))
        .await
        .json(StatusCode::OK);
    assert!(
        council_waits
            .iter()
            .any(|w| w.kind == WaitingKind::DocumentVersion && w.id == map.id)
    );

    // Stage 4: the platform runs under an issued order and a plan with an overdue item.
    let package: Package = app
        .get(&format!("/api/projects/{platform}/package"), Some(&committee))
        .await
        .json(StatusCode::OK);
    assert!(package.approved);
    let orders: Vec<Order> = app
        .get(&format!("/api/projects/{platform}/orders"), Some(&committee))
        .await
        .json(StatusCode::OK);
    assert_eq!(orders[0].status, OrderStatus::Issued);
    assert_eq!(orders[0].participants.len(), 3);
    let summary: PlanSummary = app
        .get(&format!("/api/projects/{platform}/plan-summary"), Some(&committee))
        .await
        .json(StatusCode::OK);
    assert_eq!((summary.due, summary.done, summary.done_on_time), (3, 2, 1));
    assert_eq!(summary.overdue.len(), 1);
    let reminders: Vec<openapi::plan::Reminder> = app
        .get("/api/me/reminders", Some(&token("teacher@sch61.demo").await))
        .await
        .json(StatusCode::OK);
    let due: Vec<(ReminderKind, i64)> = reminders.iter().map(|r| (r.kind, r.days_left)).collect();
    assert_eq!(
        due,
        [
            (ReminderKind::PlanItem, -7),
            (ReminderKind::RiskReview, -3),
            (ReminderKind::PlanItem, 8)
        ],
        "the kit's pilot risk is due for review"
    );
}

#[tokio::test]
async fn the_demo_school_pilots_two_resources_and_keeps_their_risks() {
    use openapi::pilots::{Pilot, PilotConclusion, PilotStatus};
    use openapi::risks::{Risk, RiskChange, RiskField, RiskStatus};

    let app = spawn_app().await;
    let storage = app.state.storage.clone();
    app.with_db(|conn| backend::demo::load_if_empty(conn, storage.as_ref()))
        .unwrap();
    let committee = app
        .login("committee@kom.demo", backend::demo::DEMO_PASSWORD)
        .await
        .access_token;
    let resources: Page<ResourceItem> = app.get("/api/resources", Some(&committee)).await.json(StatusCode::OK);
    let pilots_of = |fragment: &str| {
        let id = resources.items.iter().find(|r| r.title.contains(fragment)).unwrap().id;
        let (app, committee) = (&app, &committee);
        async move {
            let page: Page<Pilot> = app
                .get(&format!("/api/resources/{id}/pilots"), Some(committee))
                .await
                .json(StatusCode::OK);
            page.items
        }
    };

    // The task bank: piloted in three schools, concluded and recommended.
    let bank = pilots_of("Банк заданий").await;
    assert_eq!(bank.len(), 1);
    assert_eq!(
        (bank[0].status, bank[0].conclusion, bank[0].sites.len()),
        (PilotStatus::Completed, Some(PilotConclusion::Recommended), 3)
    );
    assert_eq!(bank[0].sites[0].name, "СОШ № 61", "the own school first");
    // A partner school reads the pilot of the published bank, and its closed risk.
    let partner = app
        .login("partner@sch12.demo", backend::demo::DEMO_PASSWORD)
        .await
        .access_token;
    let risks: Page<Risk> = app
        .get(&format!("/api/pilots/{}/risks", bank[0].id), Some(&partner))
        .await
        .json(StatusCode::OK);
    assert_eq!(risks.items[0].status, RiskStatus::Closed);
    let history: Page<RiskChange> = app
        .get(&format!("/api/risks/{}/history", risks.items[0].id), Some(&partner))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        history
            .items
            .iter()
            .map(|c| (c.field, c.to.as_deref()))
            .collect::<Vec<_>>(),
        [(RiskField::Status, Some("closed"))]
    );

    // The kit: piloted now with СОШ № 12; its risk's review is overdue.
    let kit = pilots_of("Цифровой класс").await;
    assert_eq!(
        (kit.len(), kit[0].status, kit[0].sites.len()),
        (1, PilotStatus::Running, 2)
    );
    let risks: Page<Risk> = app
        .get(&format!("/api/pilots/{}/risks", kit[0].id), Some(&committee))
        .await
        .json(StatusCode::OK);
    assert_eq!(risks.items.len(), 1);
    assert!(risks.items[0].review_overdue);

    // The platform project's own register.
    let projects: Page<openapi::projects::Project> =
        app.get("/api/projects", Some(&committee)).await.json(StatusCode::OK);
    let platform = projects
        .items
        .iter()
        .find(|p| p.title.contains("Формирующее"))
        .unwrap()
        .id;
    let register: Page<Risk> = app
        .get(&format!("/api/projects/{platform}/risks"), Some(&committee))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        register
            .items
            .iter()
            .map(|r| (r.score, r.review_overdue))
            .collect::<Vec<_>>(),
        [(12, false)]
    );
}

#[tokio::test]
async fn the_demo_school_held_a_rated_consultation_and_has_one_waiting() {
    use openapi::consultations::{Consultation, ConsultationStatus};

    let app = spawn_app().await;
    let storage = app.state.storage.clone();
    app.with_db(|conn| backend::demo::load_if_empty(conn, storage.as_ref()))
        .unwrap();
    let teacher = app
        .login("teacher@sch61.demo", backend::demo::DEMO_PASSWORD)
        .await
        .access_token;
    let given: Page<Consultation> = app
        .get("/api/consultations?role=host", Some(&teacher))
        .await
        .json(StatusCode::OK);
    let statuses: Vec<ConsultationStatus> = given.items.iter().map(|c| c.status).collect();
    assert_eq!(
        statuses,
        [
            ConsultationStatus::Requested,
            ConsultationStatus::Scheduled,
            ConsultationStatus::Held
        ]
    );
    let held = &given.items[2];
    assert_eq!(held.recipient_short_name, "СОШ № 12");
    assert!(!held.outcome.is_empty() && !held.follow_ups.is_empty());
    assert_eq!((held.ratings.responses, held.ratings.csat_mean), (1, Some(5.0)));
    let partner = app
        .login("partner@sch12.demo", backend::demo::DEMO_PASSWORD)
        .await
        .access_token;
    let received: Page<Consultation> = app.get("/api/consultations", Some(&partner)).await.json(StatusCode::OK);
    assert_eq!(received.total, 2, "the held one and the request waiting for СОШ № 61");
}
