//! Region-scale latency of the catalogue and the committee's registry.
//!
//! `cargo xtask bench` runs this on SQLite and PostgreSQL: a fresh database per engine is
//! filled by the generator (`BENCH_SCHOOLS`, `BENCH_RESOURCES`, `BENCH_FEEDBACK`; by
//! default 600, 20 000 and 500 000), the real application serves it, and each list is
//! requested `BENCH_RUNS` times (default 30): first pages, the last page by number and by
//! cursor, a search with a filter. Printed: rows, seconds to generate, and the median and
//! 90th percentile latency per request.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark: failing loudly is right"
)]

use openapi::organisations::OrganisationKind;
use openapi::users::Role;
use std::time::Instant;
use tests::fixtures::{PASSWORD, TestUser};
use tests::{Database, env_or, spawn_app};

#[tokio::main]
async fn main() {
    let args = backend::seed::SeedArgs {
        schools: env_or("BENCH_SCHOOLS", 600),
        resources: env_or("BENCH_RESOURCES", 20_000),
        feedback: env_or("BENCH_FEEDBACK", 500_000),
    };
    let runs = env_or("BENCH_RUNS", 30);
    let engine = match Database::selected() {
        Database::Sqlite => "SQLite",
        Database::Postgres => "PostgreSQL",
    };
    let app = spawn_app().await;
    let seeded = app.with_db(|conn| backend::seed::run(conn, args)).unwrap();
    println!(
        "{engine}: generated {} rows in {:.1} s ({args:?})",
        seeded.rows, seeded.seconds
    );

    let committee = app.with_db(|conn| {
        backend::db::models::organisation::insert(
            conn,
            &backend::db::models::organisation::NewOrganisation {
                name: "Комитет (замеры)",
                short_name: "Комитет",
                kind: OrganisationKind::Committee,
                municipality: "Область",
            },
        )
    });
    let reader = TestUser::new(openapi::OrganisationId(committee.unwrap()), &[Role::Committee]).create(&app);
    let token = app.login(&reader.email, PASSWORD).await.access_token;
    let last_catalogue_page = (args.resources / 2).div_ceil(20).max(1);
    let last_registry_page = args.schools.div_ceil(50).max(1);
    let before_last: openapi::Page<openapi::feedback::CatalogueItem> = app
        .get(
            &format!("/api/catalogue?page={}", last_catalogue_page.saturating_sub(1).max(1)),
            Some(&token),
        )
        .await
        .json(reqwest::StatusCode::OK);
    let before_last_schools: openapi::Page<openapi::feedback::RegistrySchool> = app
        .get(
            &format!(
                "/api/registry?per_page=50&page={}",
                last_registry_page.saturating_sub(1).max(1)
            ),
            Some(&token),
        )
        .await
        .json(reqwest::StatusCode::OK);
    let mut paths = vec![
        "/api/catalogue".to_owned(),
        format!("/api/catalogue?page={last_catalogue_page}"),
        "/api/catalogue?q=%D1%84%D0%B8%D0%B7%D0%B8%D0%BA%D0%B5&form=material_kit".to_owned(),
        "/api/registry".to_owned(),
        format!("/api/registry?page={}", args.schools.div_ceil(20)),
        "/api/registry?per_page=50".to_owned(),
    ];
    if let Some(cursor) = before_last.next_cursor {
        paths.push(format!("/api/catalogue?cursor={cursor}"));
    }
    if let Some(cursor) = before_last_schools.next_cursor {
        paths.push(format!("/api/registry?per_page=50&cursor={cursor}"));
    }
    for path in paths {
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let started = Instant::now();
            let reply = app.get(&path, Some(&token)).await;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let p90 = times[(times.len() * 9 / 10).min(times.len() - 1)];
        println!("{engine}: {path:<75} median {median:7.1} ms   p90 {p90:7.1} ms   (n={runs})");
    }
}
