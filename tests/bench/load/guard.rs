//! The load guard of `cargo xtask test` (`LOAD_SCALE=guard`): every list the product has,
//! loaded by wrk for `LOAD_SECONDS` on the guard's small data set, with its requests per
//! second set against the bare actix-web ceiling measured in the same run. That ratio is
//! compared with the baseline committed in `tests/bench/guard-baseline.json` (per engine
//! and list), so a slower machine does not fail the guard: a list fails when its ratio
//! falls below a third of the baseline (a third, so that noise does not), on any answer
//! outside 200–299, and on any socket error or wrk timeout. With `GUARD_WRITE_BASELINE=1`
//! the run writes its ratios into the baseline instead of comparing with it.
//!
//! The guard reads nothing of a list's body but the ids its setup needs (a school's
//! `id` from the organisations, the catalogue's `next_cursor`), so that a list may change
//! its fields without touching the guard.

use crate::data::{Engine, RunDatabase, Scale, Server, Setup};
use crate::wrk::{Load, Measured, Script};
use crate::{account, committee, deep_cursor, get, post, status};
use reqwest::Url;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// Requests the committee files to the school whose inbox is read: a page of them.
const INBOX: usize = 100;
/// The first month of the generator's records (`backend/src/seed.rs` dates them from
/// 1 September 2026), read as the calendar reads a month, and its school year.
const MONTH: (&str, &str) = ("2026-09-01", "2026-09-30");
const SCHOOL_YEAR: u32 = 2026;
/// The catalogue's deep page (of 50 pages of 20 published resources at this scale).
const DEEP_PAGE: u32 = 40;

/// One list under the guard.
struct List {
    /// Its key in the baseline.
    key: &'static str,
    /// Its name in the table.
    label: &'static str,
    url: String,
    token: String,
}

/// One list's outcome.
struct Row {
    key: &'static str,
    label: &'static str,
    measured: Option<Measured>,
    ratio: f64,
    baseline: Option<f64>,
    failure: Option<String>,
}

/// The accounts, the records and the URLs of the lists: the committee reads the
/// municipality's lists, the director of the first school (by name) the school's own,
/// and its inbox holds a page of requests the committee filed.
async fn lists(db: &RunDatabase, address: &str) -> Vec<List> {
    let client = reqwest::Client::new();
    let (admin, committee) = committee(db, &client, address).await;
    let schools = get(
        &client,
        &format!("{address}/api/organisations?kind=school&per_page=1"),
        &committee,
    )
    .await;
    let school = schools["items"][0]["id"].as_i64().expect("no school in the data");
    let director = account(
        &client,
        address,
        &admin,
        school,
        ("load.director@bench.test", "Директор школы", "admin"),
    )
    .await;
    let deadline = tests::days_from_today(60);
    for n in 0..INBOX {
        let request = json!({
            "need": format!("Нужна методическая разработка урока № {n} с цифровой лабораторией"),
            "audience": "Учителя физики основной школы",
            "desired_form": "methodological_development",
            "deadline": deadline,
            "target_org_id": school,
        });
        post(&client, format!("{address}/api/requests"), Some(&committee), &request).await;
    }
    let catalogue = |query: &[(&str, &str)]| {
        Url::parse_with_params(&format!("{address}/api/catalogue"), query)
            .unwrap()
            .to_string()
    };
    let cursor = deep_cursor(address, &committee, DEEP_PAGE)
        .await
        .expect("the catalogue gives no next_cursor");
    let by_committee = |key, label, url: String| List {
        key,
        label,
        url,
        token: committee.clone(),
    };
    let by_director = |key, label, url: String| List {
        key,
        label,
        url,
        token: director.clone(),
    };
    vec![
        by_committee("catalogue-first", "catalogue, first page", catalogue(&[])),
        by_committee(
            "catalogue-form",
            "catalogue, filtered by form",
            catalogue(&[("form", "material_kit")]),
        ),
        by_committee(
            "catalogue-search",
            "catalogue, searched with a common word",
            catalogue(&[("q", "физике")]),
        ),
        by_committee(
            "catalogue-no-match",
            "catalogue, search with no match",
            catalogue(&[("q", "квантовой")]),
        ),
        by_committee(
            "catalogue-deep-page",
            "catalogue, page 40 by number",
            catalogue(&[("page", &DEEP_PAGE.to_string())]),
        ),
        by_committee(
            "catalogue-deep-cursor",
            "catalogue, page 40 by cursor",
            catalogue(&[("cursor", &cursor)]),
        ),
        by_committee(
            "registry",
            "registry, page of 50",
            format!("{address}/api/registry?per_page=50"),
        ),
        by_director(
            "dissemination",
            "a school's dissemination",
            format!("{address}/api/organisations/{school}/dissemination?school_year={SCHOOL_YEAR}"),
        ),
        by_director(
            "training",
            "a school's training registry",
            format!("{address}/api/organisations/{school}/training?per_page=100"),
        ),
        by_committee(
            "events",
            "events calendar, a month",
            format!("{address}/api/events?per_page=100&from={}&to={}", MONTH.0, MONTH.1),
        ),
        by_committee("audit", "audit log", format!("{address}/api/audit")),
        by_director(
            "inbox",
            "request inbox",
            format!("{address}/api/requests?box=inbox&per_page=100"),
        ),
    ]
}

/// The committed baseline: `{"<engine>": {"<list>": <ratio to the ceiling>}}`.
fn baseline_path(setup: &Setup) -> PathBuf {
    setup.root.join("tests/bench/guard-baseline.json")
}

fn read_baseline(path: &Path) -> Value {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_else(|| json!({}))
}

/// Writes this engine's ratios into the baseline, keeping the other engine's.
fn write_baseline(path: &Path, engine: Engine, rows: &[Row]) {
    let mut baseline = read_baseline(path);
    let ratios: serde_json::Map<String, Value> = rows
        .iter()
        .filter(|row| row.measured.is_some())
        .map(|row| (row.key.to_owned(), json!((row.ratio * 1e5).round() / 1e5)))
        .collect();
    baseline[engine.key()] = Value::Object(ratios);
    let text = serde_json::to_string_pretty(&baseline).unwrap();
    std::fs::write(path, format!("{text}\n")).unwrap();
    println!("{}: wrote the baseline {}", engine.label(), path.display());
}

/// Loads every list on `engine`, prints the table and says whether every list passed.
pub async fn check(setup: &Setup, load: &Load, engine: Engine, ceiling: Measured) -> bool {
    let started = std::time::Instant::now();
    let db = RunDatabase::prepare(setup, engine, Scale::GUARD);
    let server = Server::start(&db);
    let lists = lists(&db, &server.address).await;
    let path = baseline_path(setup);
    let baseline = read_baseline(&path);
    let writing = std::env::var("GUARD_WRITE_BASELINE").is_ok_and(|value| value == "1");
    let client = reqwest::Client::new();
    let mut rows = Vec::new();
    for list in lists {
        let before = status(&client, &list.url, Some(&list.token)).await;
        let measured = before
            .is_success()
            .then(|| load.run(&list.url, Some(&list.token), &Script::GetCounted));
        let ratio = measured.map_or(0.0, |m| m.rate / ceiling.rate);
        let expected = baseline[engine.key()][list.key].as_f64();
        let failure = match (measured, expected) {
            (None, _) => Some(format!("answered {before} before the load")),
            (Some(m), _) if m.errors + m.non_2xx > 0 => Some(format!(
                "under load {} answers outside 2xx, {} errors (statuses ≥ 400 and socket errors)",
                m.non_2xx, m.errors
            )),
            (Some(_), _) if writing => None,
            (Some(_), None) => Some("no baseline".to_owned()),
            (Some(_), Some(expected)) if ratio < expected / 3.0 => {
                Some(format!("ratio below a third of the baseline {expected:.4}"))
            }
            _ => None,
        };
        println!(
            "{}: {:<40} {:>8.0} req/s  p99 {:>8.2} ms  ratio {ratio:.4}  {}",
            engine.label(),
            list.label,
            measured.map_or(0.0, |m| m.rate),
            measured.map_or(0.0, |m| m.p99),
            failure.as_deref().unwrap_or("ok")
        );
        rows.push(Row {
            key: list.key,
            label: list.label,
            measured,
            ratio,
            baseline: expected,
            failure,
        });
    }
    drop(server);
    drop(db);
    if writing {
        write_baseline(&path, engine, &rows);
    }
    print_table(engine, ceiling, &rows, started.elapsed().as_secs_f64());
    let failed: Vec<String> = rows
        .iter()
        .filter_map(|row| Some(format!("{} ({})", row.label, row.failure.as_ref()?)))
        .collect();
    if failed.is_empty() {
        println!("{}: every list passed the load guard", engine.label());
    } else {
        println!(
            "{}: the load guard FAILED for {}. If a list is slower on purpose, write the \
             baseline anew (GUARD_WRITE_BASELINE=1 cargo xtask bench --guard) and have that \
             change of tests/bench/guard-baseline.json reviewed.",
            engine.label(),
            failed.join(", ")
        );
    }
    failed.is_empty()
}

fn print_table(engine: Engine, ceiling: Measured, rows: &[Row], seconds: f64) {
    println!(
        "\n{} load guard: bare actix-web ceiling {:.0} req/s (p99 {:.2} ms); {seconds:.0} s with setup\n",
        engine.label(),
        ceiling.rate,
        ceiling.p99
    );
    println!("| list | req/s | p99 ms | ratio to ceiling | baseline | fails below | |\n|---|--:|--:|--:|--:|--:|---|");
    for row in rows {
        let (rate, p99) = row.measured.map_or((0.0, 0.0), |m| (m.rate, m.p99));
        let (baseline, floor) = row.baseline.map_or(("–".to_owned(), "–".to_owned()), |b| {
            (format!("{b:.4}"), format!("{:.4}", b / 3.0))
        });
        println!(
            "| {} | {rate:.0} | {p99:.2} | {:.4} | {baseline} | {floor} | {} |",
            row.label,
            row.ratio,
            row.failure
                .as_deref()
                .map_or("ok".to_owned(), |why| format!("FAILED: {why}"))
        );
    }
}
