//! The read model's school years (`school_year_stats`): after a mixed set of writes —
//! moves across the first of September, deletes, revocations, cancellations, changes of
//! status — every school's kept figures for every school year equal those counted from the
//! raw rows, the rebuild reproduces them, and the registry and the dissemination page read
//! them.

use crate::dissemination::{listed, shown};
use backend::db::DbConnection;
use backend::db::models::dissemination::{self, Scope, Span};
use backend::db::read_model;
use backend::db::schema::{
    certificates, consultations, deliveries, enrolments, event_registrations, events, feedback, organisations,
    pilot_sites, pilots, requests, risks, stand_ratings,
};
use backend::services;
use chrono::{Days, NaiveDate};
use diesel::dsl::count_star;
use diesel::prelude::*;
use openapi::dissemination::Dissemination;
use openapi::feedback::RegistryItem;
use openapi::users::Role;
use openapi::{OrganisationId, Page};
use reqwest::StatusCode;
use rules::dates::{school_year_bounds, school_year_of};
use std::collections::HashMap;
use tests::fixtures::{TestOrg, TestUser};
use tests::{TestApp, spawn_app};

/// A day a year (and a little) earlier: always in an earlier school year.
fn year_back(day: NaiveDate) -> NaiveDate {
    day.checked_sub_days(Days::new(370)).unwrap()
}

/// The days of the school year beginning in `year`.
fn span(year: i32) -> Span {
    let (from, to) = school_year_bounds(year).unwrap();
    Span { from, to }
}

/// Runs raw writes as one write transaction of the application (which settles the read
/// model before it commits).
fn write(app: &TestApp, what: &str, work: impl FnOnce(&mut DbConnection) -> QueryResult<()>) {
    let done = app.with_db(|conn| services::write(conn, |conn| Ok(work(conn)?)));
    assert!(done.is_ok(), "{what}: {done:?}");
}

/// Every school's kept figures for every school year with records equal a count from the
/// raw rows; the kept rows equal their rebuild. Returns how many school years were
/// compared.
fn assert_kept_equal_counted(app: &TestApp) -> usize {
    app.with_db(|conn| {
        let keys = read_model::years::keys(conn).unwrap();
        for &(org, year) in &keys {
            let kept = read_model::years::of_schools(conn, &[org], year)
                .unwrap()
                .remove(&org)
                .unwrap_or_default();
            let counted = dissemination::figures(conn, Scope::Schools(&[org]), span(year))
                .unwrap()
                .remove(&org)
                .unwrap_or_default();
            assert_eq!(kept, counted, "school {org}, school year {year}");
        }
        // An independent count of two columns, in SQL of its own.
        let deliveries: Vec<(i64, NaiveDate)> = deliveries::table
            .select((deliveries::org_id, deliveries::delivered_on))
            .load(conn)
            .unwrap();
        let mut by_year: HashMap<(i64, i32), i64> = HashMap::new();
        for (org, day) in deliveries {
            *by_year.entry((org, school_year_of(day))).or_default() += 1;
        }
        for (&(org, year), &count) in &by_year {
            let kept = read_model::years::of_schools(conn, &[org], year).unwrap();
            assert_eq!(kept[&org].deliveries, count, "deliveries of school {org} in {year}");
        }
        let answers: i64 = feedback::table.select(count_star()).first(conn).unwrap();
        let kept_answers: i64 = read_model::years::snapshot(conn)
            .unwrap()
            .iter()
            .map(|row| row.figures().responses)
            .sum();
        assert_eq!(kept_answers, answers, "every answer counts in one school year");

        let kept = read_model::years::snapshot(conn).unwrap();
        read_model::rebuild(conn).unwrap();
        assert_eq!(
            read_model::years::snapshot(conn).unwrap(),
            kept,
            "the rebuild reproduces the kept rows"
        );
        keys.len()
    })
}

#[tokio::test]
async fn school_years_kept_by_the_writes_equal_a_count_from_the_raw_rows() {
    let app = spawn_app().await;
    let storage = app.state.storage.clone();
    assert!(
        app.with_db(|conn| backend::demo::load_if_empty(conn, storage.as_ref()))
            .unwrap()
    );
    let compared = assert_kept_equal_counted(&app);
    assert!(
        compared >= 3,
        "the demo has records in several school years: {compared}"
    );
    let before = app.with_db(|conn| read_model::years::snapshot(conn).unwrap());

    // A pilot moved a year back, and one of its sites taken off.
    write(&app, "a pilot moved", |conn| {
        let (id, starts, ends): (i64, NaiveDate, NaiveDate) = pilots::table
            .order(pilots::id)
            .select((pilots::id, pilots::starts_on, pilots::ends_on))
            .first(conn)?;
        diesel::update(pilots::table.find(id))
            .set((
                pilots::starts_on.eq(year_back(starts)),
                pilots::ends_on.eq(year_back(ends)),
            ))
            .execute(conn)?;
        let site: (i64, i64) = pilot_sites::table
            .select((pilot_sites::pilot_id, pilot_sites::org_id))
            .first(conn)?;
        diesel::delete(pilot_sites::table.find(site)).execute(conn)?;
        Ok(())
    });
    // An event moved a year back, another cancelled, an attendance taken back, a rating removed.
    write(&app, "events", |conn| {
        let published: Vec<(i64, NaiveDate, NaiveDate)> = events::table
            .filter(events::status.eq("published"))
            .order(events::id)
            .select((events::id, events::starts_on, events::ends_on))
            .load(conn)?;
        assert!(published.len() >= 2, "the demo publishes events");
        let (id, starts, ends) = published[0];
        diesel::update(events::table.find(id))
            .set((
                events::starts_on.eq(year_back(starts)),
                events::ends_on.eq(year_back(ends)),
            ))
            .execute(conn)?;
        diesel::update(events::table.find(published[1].0))
            .set(events::status.eq("cancelled"))
            .execute(conn)?;
        let attended: i64 = event_registrations::table
            .filter(event_registrations::attended.eq(true))
            .select(event_registrations::id)
            .first(conn)?;
        diesel::update(event_registrations::table.find(attended))
            .set(event_registrations::attended.eq(false))
            .execute(conn)?;
        let rating: Option<(i64, i64)> = stand_ratings::table
            .select((stand_ratings::stand_id, stand_ratings::user_id))
            .first(conn)
            .optional()?;
        if let Some(key) = rating {
            diesel::delete(stand_ratings::table.find(key)).execute(conn)?;
        }
        Ok(())
    });
    // A certificate revoked, a completion moved a year back, a consultation's day moved.
    write(&app, "training", |conn| {
        let certificate: i64 = certificates::table.select(certificates::id).first(conn)?;
        diesel::update(certificates::table.find(certificate))
            .set((
                certificates::revoked_on.eq(chrono::Utc::now().date_naive()),
                certificates::revoked_reason.eq("Выдано ошибочно"),
            ))
            .execute(conn)?;
        let (enrolment, completed): (i64, Option<NaiveDate>) = enrolments::table
            .filter(enrolments::completed_on.is_not_null())
            .order(enrolments::id.desc())
            .select((enrolments::id, enrolments::completed_on))
            .first(conn)?;
        diesel::update(enrolments::table.find(enrolment))
            .set(enrolments::completed_on.eq(completed.map(year_back)))
            .execute(conn)?;
        let held: Option<(i64, Option<NaiveDate>)> = consultations::table
            .filter(consultations::held_on.is_not_null())
            .select((consultations::id, consultations::held_on))
            .first(conn)
            .optional()?;
        if let Some((id, day)) = held {
            diesel::update(consultations::table.find(id))
                .set(consultations::held_on.eq(day.map(year_back)))
                .execute(conn)?;
        }
        Ok(())
    });
    // A risk closed, an answer deleted, a delivery dated a year back, a request readdressed.
    write(&app, "demand", |conn| {
        let risk: i64 = risks::table.select(risks::id).first(conn)?;
        diesel::update(risks::table.find(risk))
            .set(risks::status.eq("closed"))
            .execute(conn)?;
        let answer: i64 = feedback::table.select(feedback::id).first(conn)?;
        diesel::delete(feedback::table.find(answer)).execute(conn)?;
        let (delivery, day): (i64, NaiveDate) = deliveries::table
            .order(deliveries::id.desc())
            .select((deliveries::id, deliveries::delivered_on))
            .first(conn)?;
        diesel::update(deliveries::table.find(delivery))
            .set(deliveries::delivered_on.eq(year_back(day)))
            .execute(conn)?;
        let (request, target): (i64, Option<i64>) = requests::table
            .filter(requests::target_org_id.is_not_null())
            .select((requests::id, requests::target_org_id))
            .first(conn)?;
        let other: i64 = organisations::table
            .filter(organisations::kind.eq("school"))
            .filter(organisations::id.ne(target.unwrap_or_default()))
            .select(organisations::id)
            .first(conn)?;
        diesel::update(requests::table.find(request))
            .set(requests::target_org_id.eq(Some(other)))
            .execute(conn)?;
        Ok(())
    });
    let after = app.with_db(|conn| read_model::years::snapshot(conn).unwrap());
    assert_ne!(after, before, "the writes moved the kept figures");
    assert_kept_equal_counted(&app);
}

/// A school's dissemination page for a school year.
async fn school_page(app: &TestApp, token: &str, org: i64, year: i32) -> Dissemination {
    app.get(
        &format!("/api/organisations/{org}/dissemination?school_year={year}"),
        Some(token),
    )
    .await
    .json(StatusCode::OK)
}

#[tokio::test]
async fn the_registry_and_a_schools_page_read_the_kept_school_year() {
    let app = spawn_app().await;
    let storage = app.state.storage.clone();
    app.with_db(|conn| backend::demo::load_if_empty(conn, storage.as_ref()))
        .unwrap();
    let committee_org = TestOrg::committee("Комитет").create(&app);
    let committee = TestUser::new(committee_org, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    let (org, year) = app.with_db(|conn| {
        let kept = read_model::years::snapshot(conn).unwrap();
        let busiest = kept.iter().max_by_key(|row| row.figures().responses).unwrap();
        (busiest.org_id, busiest.school_year)
    });
    let page = school_page(&app, &committee, org, year).await;
    assert!(page.responses > 0);
    let registry: Page<RegistryItem> = app
        .get(
            &format!("/api/registry?school_year={year}&per_page=100"),
            Some(&committee),
        )
        .await
        .json(StatusCode::OK);
    let row = registry
        .items
        .iter()
        .find(|row| row.org_id == OrganisationId(org))
        .expect("the school is in the registry");
    assert_eq!(shown(row), listed(&page));

    // A stale row shows as it is kept: the pages read the read model, not the raw rows.
    app.with_db(|conn| {
        diesel::sql_query(format!(
            "UPDATE school_year_stats SET responses = responses + 1000 WHERE org_id = {org} AND school_year = {year}"
        ))
        .execute(conn)
        .unwrap();
    });
    let stale = school_page(&app, &committee, org, year).await;
    assert_eq!(stale.responses, page.responses + 1000);
}
