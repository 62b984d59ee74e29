//! Dissemination figures for a school year: what counts in which year, for a resource, a
//! project and a school, in the committee's registry, and who may read them.

use openapi::dissemination::Dissemination;
use openapi::feedback::RegistryItem;
use openapi::users::Role;
use openapi::{OrganisationId, Page};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tests::fixtures::{HostSchool, TestOrg, TestUser};
use tests::{TestApp, spawn_app};

/// The school year under way today, by the year it starts.
fn this_school_year() -> i32 {
    rules::dates::school_year_of(chrono::Utc::now().date_naive())
}

/// The dissemination figures a registry row shows, in its order.
type Shown = (i64, i64, i64, i64, i64, i64, i64, Option<f64>);

/// What a registry row shows of the school year's dissemination.
pub(crate) fn shown(row: &RegistryItem) -> Shown {
    (
        row.pilots,
        row.teachers_trained,
        row.training_hours,
        row.consultations,
        row.events,
        row.attendees,
        row.schools_reached,
        row.fair_rating,
    )
}

/// The same figures of a school's dissemination page.
pub(crate) fn listed(page: &Dissemination) -> Shown {
    (
        page.pilots,
        page.teachers_trained,
        page.training_hours,
        page.consultations,
        page.events,
        page.attendees,
        page.schools_reached,
        page.fair_rating,
    )
}

async fn figures(app: &TestApp, token: &str, path: &str, year: i32) -> Dissemination {
    app.get(&format!("{path}?school_year={year}"), Some(token))
        .await
        .json(StatusCode::OK)
}

/// A pilot of `version` in the own school and `partner` from `starts_on` for 30 days.
fn pilot_body(version: i64, sites: &[OrganisationId], starts_on: chrono::NaiveDate, pupils: i32) -> Value {
    json!({
        "version_id": version,
        "sites": sites,
        "starts_on": starts_on,
        "ends_on": starts_on + chrono::Days::new(30),
        "teachers": 2,
        "classes": "7А",
        "pupils": pupils,
        "method": "Уроки по банку заданий"
    })
}

#[tokio::test]
async fn pilots_and_risks_count_in_the_school_year_they_fall_in() {
    let app = spawn_app().await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    let staff = school.staff.as_str();
    let partner = TestOrg::school("СОШ № 12").create(&app);
    let version = school.version_with_file(&app, "design").await.id;
    let year = this_school_year();
    let from = chrono::NaiveDate::from_ymd_opt(year, 9, 1).unwrap();
    let pilots = format!("/api/resources/{}/pilots", school.resource.id);
    for (starts_on, pupils) in [(from + chrono::Days::new(10), 40), (from - chrono::Days::new(200), 7)] {
        app.post(
            &pilots,
            Some(staff),
            &pilot_body(version, &[school.org, partner], starts_on, pupils),
        )
        .await
        .json::<Value>(StatusCode::CREATED);
    }
    let owner = TestUser::new(school.org, &[Role::Staff]).create(&app).id.0;
    let risks = format!("/api/projects/{}/risks", school.project.id);
    for title in ["Перегрузка учителей", "Нет проектора"] {
        let body = json!({
            "title": title, "category": "staffing", "likelihood": 3, "impact": 4,
            "mitigation": "Распределить темы", "owner_id": owner
        });
        app.post(&risks, Some(staff), &body)
            .await
            .json::<Value>(StatusCode::CREATED);
    }

    let resource = format!("/api/resources/{}/dissemination", school.resource.id);
    let now = figures(&app, staff, &resource, year).await;
    assert_eq!(now.school_year.label, format!("{year}/{}", year + 1));
    assert_eq!((now.pilots, now.pilot_sites, now.pilot_pupils), (1, 2, 40));
    assert_eq!(now.schools_reached, 1, "the partner site, not the own school");
    assert_eq!(
        (now.risks_open, now.risks_closed),
        (0, 0),
        "a resource counts its pilots' risks only"
    );
    let before = figures(&app, staff, &resource, year - 1).await;
    assert_eq!((before.pilots, before.pilot_pupils), (1, 7));

    let project = format!("/api/projects/{}/dissemination", school.project.id);
    let of_project = figures(&app, staff, &project, year).await;
    assert_eq!((of_project.pilots, of_project.risks_open), (1, 2));
    let own = format!("/api/organisations/{}/dissemination", school.org);
    let of_school = figures(&app, staff, &own, year).await;
    assert_eq!((of_school.pilots, of_school.risks_open, of_school.events), (1, 2, 0));
    let default: Dissemination = app.get(&own, Some(staff)).await.json(StatusCode::OK);
    assert_eq!(default, of_school, "the current school year by default");

    let committee_org = TestOrg::committee("Комитет").create(&app);
    let committee = TestUser::new(committee_org, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    assert_eq!(figures(&app, &committee, &own, year).await, of_school);
    let registry: Page<RegistryItem> = app
        .get(&format!("/api/registry?school_year={year}&q=61"), Some(&committee))
        .await
        .json(StatusCode::OK);
    let row = registry
        .items
        .iter()
        .find(|row| row.org_id == school.org)
        .expect("the school is in the registry");
    assert_eq!(shown(row), listed(&of_school));
    let csv = app
        .get(
            &format!("/api/registry/export?school_year={}", year - 1),
            Some(&committee),
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.contains(&format!("{}/{}", year - 1, year)), "{}", csv.body);
}

#[tokio::test]
async fn a_school_year_out_of_range_and_a_stranger_are_refused() {
    let app = spawn_app().await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    let own = format!("/api/organisations/{}/dissemination", school.org);
    let problem = app
        .get(&format!("{own}?school_year=1999"), Some(&school.staff))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(problem.errors[0].field, "school_year");
    let other = TestOrg::school("СОШ № 12").create(&app);
    let stranger = TestUser::new(other, &[Role::Admin]).create(&app).token(&app).await;
    app.get(&own, Some(&stranger))
        .await
        .problem(StatusCode::FORBIDDEN, "forbidden");
    app.get(
        &format!("/api/resources/{}/dissemination", school.resource.id),
        Some(&stranger),
    )
    .await
    .problem(StatusCode::NOT_FOUND, "not_found");
    app.get(&own, None)
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}
