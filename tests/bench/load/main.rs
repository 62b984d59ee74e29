//! Throughput under concurrent load: `cargo xtask bench --load` runs this.
//!
//! For each database (SQLite, and PostgreSQL at `TEST_POSTGRES_URL`) the generator's
//! data at the chosen scale is loaded into a fresh copy (seeded once and reused while the
//! generator and migrations stay the same), the release server (`BENCH_BACKEND`) is
//! started on it, and `wrk` drives every request kind for `LOAD_SECONDS` (default 10)
//! with `LOAD_THREADS` threads (2) and `LOAD_CONNECTIONS` connections (64), an answer
//! slower than `LOAD_TIMEOUT` seconds (2) counted as an error. In the same
//! run: a bare actix-web server answering a fixed 20-item page (the web tier's ceiling)
//! with the same settings, and `pgbench -S -M prepared -c 16 -j 2` (PostgreSQL's).
//! Printed: a markdown table of requests/s, p50, p99, errors and the ratio to the
//! ceilings, the server's memory after each kind, and the performance targets (README, "Performance") met or not.
//!
//! `LOAD_SCALE=national` seeds 40 000 schools, 1 000 000 resources and 20 000 000 answers
//! (PostgreSQL only) and drops that database afterwards unless `LOAD_KEEP=1`.
//! `LOAD_SCALE=guard` is the load guard of `cargo xtask test` instead (see `guard`);
//! `LOAD_ENGINE=sqlite` or `postgres` measures only that database.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a benchmark: failing loudly is right"
)]

mod data;
mod guard;
mod wrk;

use data::{Engine, RunDatabase, Scale, Server, Setup};
use reqwest::{StatusCode, Url};
use serde_json::{Value, json};
use std::path::PathBuf;
use tests::env_or;
use wrk::{Load, Measured, Script};

const PASSWORD: &str = "load-bench-password";

/// The accounts and ids the requests need, made through the API.
struct Actors {
    /// A committee member: reads everything, files requests.
    committee: String,
    /// A partner school's staff: files requests.
    partner: String,
    /// Published resources of schools other than the partner's.
    resources: Vec<i64>,
    /// Schools other than the partner's.
    schools: Vec<i64>,
}

async fn post(client: &reqwest::Client, url: String, token: Option<&str>, body: &Value) -> Value {
    let mut request = client.post(&url).json(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let reply = request.send().await.unwrap();
    let status = reply.status();
    let body: Value = reply.json().await.unwrap_or(Value::Null);
    assert!(status.is_success(), "POST {url}: {status} {body}");
    body
}

async fn get(client: &reqwest::Client, url: &str, token: &str) -> Value {
    let reply = client.get(url).bearer_auth(token).send().await.unwrap();
    let status = reply.status();
    let body: Value = reply.json().await.unwrap_or(Value::Null);
    assert_eq!(status, StatusCode::OK, "GET {url}: {body}");
    body
}

async fn sign_in(client: &reqwest::Client, address: &str, email: &str) -> String {
    let body = post(
        client,
        format!("{address}/api/auth/login"),
        None,
        &json!({"email": email, "password": PASSWORD}),
    )
    .await;
    body["access_token"].as_str().unwrap().to_owned()
}

/// A platform administrator from `backend create-admin` (in a new committee
/// organisation) and a committee member added by them, both signed in: their tokens.
async fn committee(db: &RunDatabase, client: &reqwest::Client, address: &str) -> (String, String) {
    let output = db
        .backend()
        .args(["create-admin", "--email", "load.admin@bench.test"])
        .args(["--full-name", "Администратор замеров", "--password", PASSWORD])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "create-admin: {text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let committee_org: i64 = text
        .split("organisation id ")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no organisation id in: {text}"));
    let admin = sign_in(client, address, "load.admin@bench.test").await;
    let committee = account(
        client,
        address,
        &admin,
        committee_org,
        ("load.committee@bench.test", "Специалист комитета", "committee"),
    )
    .await;
    (admin, committee)
}

/// A new account of the organisation `org` with one role (`(email, full name, role)`),
/// made by the administrator `admin` and signed in.
async fn account(
    client: &reqwest::Client,
    address: &str,
    admin: &str,
    org: i64,
    (email, name, role): (&str, &str, &str),
) -> String {
    post(
        client,
        format!("{address}/api/organisations/{org}/users"),
        Some(admin),
        &json!({"email": email, "full_name": name, "roles": [role], "password": PASSWORD}),
    )
    .await;
    sign_in(client, address, email).await
}

/// The committee member and a partner school's staff member, and the ids the write mix
/// chooses from.
async fn actors(db: &RunDatabase, address: &str) -> Actors {
    let client = reqwest::Client::new();
    let (admin, committee) = committee(db, &client, address).await;
    let page = get(&client, &format!("{address}/api/catalogue?per_page=100"), &committee).await;
    let items: Vec<(i64, i64)> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| (item["id"].as_i64().unwrap(), item["org_id"].as_i64().unwrap()))
        .collect();
    let partner_school = items.first().expect("the catalogue is empty").1;
    let partner = account(
        &client,
        address,
        &admin,
        partner_school,
        ("load.partner@bench.test", "Учитель школы-партнёра", "partner"),
    )
    .await;
    let others: Vec<(i64, i64)> = items.into_iter().filter(|item| item.1 != partner_school).collect();
    let mut schools: Vec<i64> = others.iter().map(|item| item.1).collect();
    schools.sort_unstable();
    schools.dedup();
    Actors {
        committee,
        partner,
        resources: others.iter().map(|item| item.0).collect(),
        schools,
    }
}

/// The status of one `GET` of `url`, with an optional bearer token.
async fn status(client: &reqwest::Client, url: &str, token: Option<&str>) -> StatusCode {
    let mut request = client.get(url);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap().status()
}

/// The cursor of the catalogue's page `page` of 20, when the catalogue pages by cursor:
/// the `next_cursor` of the page before it, read by number.
async fn deep_cursor(address: &str, token: &str, page: u32) -> Option<String> {
    let url = format!("{address}/api/catalogue?page={}", page - 1);
    let body = get(&reqwest::Client::new(), &url, token).await;
    Some(body.get("next_cursor")?.as_str()?.to_owned())
}

/// One kind of request in the table.
struct Kind {
    label: &'static str,
    url: String,
    token: Option<String>,
    write: bool,
}

/// One engine's figures: per kind, the measurement and the server's memory after it.
struct Figures {
    engine: Engine,
    rows: Vec<(&'static str, Measured, (f64, f64))>,
}

impl Figures {
    fn get(&self, label: &str) -> Option<Measured> {
        self.rows.iter().find(|row| row.0 == label).map(|row| row.1)
    }
}

const HEALTHZ: &str = "`GET /healthz`";
const ME: &str = "`GET /api/me`";
const FIRST: &str = "catalogue, first page of 20";
const FILTERED: &str = "catalogue, form + search";
const DEEP: &str = "catalogue, page 500";
const CURSOR: &str = "catalogue, page 500 by cursor";
const REGISTRY: &str = "registry, page of 50";
/// The searches of decision 36: each case with the terms the generator's titles give
/// («Методический ресурс № N по <предмету>»), alone and with each filter.
const SEARCHES: [(&str, &[(&str, &str)]); 10] = [
    ("search, common word", &[("q", "ресурс")]),
    ("search, rare word", &[("q", "12345")]),
    ("search, no match (Cyrillic)", &[("q", "квантовой")]),
    ("search, no match (Latin)", &[("q", "python")]),
    ("search, one character", &[("q", "ф")]),
    ("search, two characters", &[("q", "фи")]),
    ("search + element", &[("q", "ресурс"), ("element", "technology")]),
    ("search + level", &[("q", "истории"), ("level", "platform")]),
    ("search + school", &[("q", "ресурс"), ("org_id", "{school}")]),
    (
        "search + form, no match",
        &[("q", "физике"), ("form", "training_programme")],
    ),
];
const METRICS: &str = "a resource's metrics";
const WRITES: &str = "write mix (`POST /api/requests`)";

async fn measure(setup: &Setup, load: &Load, engine: Engine, scale: Scale) -> Figures {
    let db = RunDatabase::prepare(setup, engine, scale);
    let server = Server::start(&db);
    let address = server.address.clone();
    let actors = actors(&db, &address).await;
    let committee = Some(actors.committee.clone());
    let filtered = Url::parse_with_params(
        &format!("{address}/api/catalogue"),
        &[("q", "физике"), ("form", "material_kit")],
    )
    .unwrap();
    let mut kinds = vec![
        Kind {
            label: HEALTHZ,
            url: format!("{address}/healthz"),
            token: None,
            write: false,
        },
        Kind {
            label: ME,
            url: format!("{address}/api/me"),
            token: committee.clone(),
            write: false,
        },
        Kind {
            label: FIRST,
            url: format!("{address}/api/catalogue"),
            token: committee.clone(),
            write: false,
        },
        Kind {
            label: FILTERED,
            url: filtered.to_string(),
            token: committee.clone(),
            write: false,
        },
        Kind {
            label: DEEP,
            url: format!("{address}/api/catalogue?page=500"),
            token: committee.clone(),
            write: false,
        },
    ];
    if let Some(cursor) = deep_cursor(&address, &actors.committee, 500).await {
        let url = Url::parse_with_params(&format!("{address}/api/catalogue"), &[("cursor", cursor)]).unwrap();
        kinds.push(Kind {
            label: CURSOR,
            url: url.to_string(),
            token: committee.clone(),
            write: false,
        });
    }
    for (label, params) in SEARCHES {
        let school = actors.schools[0].to_string();
        let params: Vec<(&str, String)> = params
            .iter()
            .map(|(name, value)| (*name, value.replace("{school}", &school)))
            .collect();
        let url = Url::parse_with_params(&format!("{address}/api/catalogue"), &params).unwrap();
        kinds.push(Kind {
            label,
            url: url.to_string(),
            token: committee.clone(),
            write: false,
        });
    }
    kinds.extend([
        Kind {
            label: REGISTRY,
            url: format!("{address}/api/registry?per_page=50"),
            token: committee.clone(),
            write: false,
        },
        Kind {
            label: METRICS,
            url: format!("{address}/api/resources/{}/metrics", actors.resources[0]),
            token: committee.clone(),
            write: false,
        },
        Kind {
            label: WRITES,
            url: address.clone(),
            token: Some(actors.partner.clone()),
            write: true,
        },
    ]);
    let client = reqwest::Client::new();
    let mut rows = Vec::new();
    for kind in kinds {
        let script = if kind.write {
            Script::Write {
                resources: &actors.resources,
                schools: &actors.schools,
            }
        } else {
            // Checked once before the load, so that a refusal is not measured as speed.
            let status = status(&client, &kind.url, kind.token.as_deref()).await;
            if status != StatusCode::OK {
                println!(
                    "{}: {} answered {status} before the load: not measured",
                    engine.label(),
                    kind.label
                );
                continue;
            }
            Script::Get
        };
        let measured = load.run(&kind.url, kind.token.as_deref(), &script);
        let memory = data::memory_mb(server.pid());
        println!(
            "{}: {:<34} {:>9.0} req/s  p50 {:>8.2} ms  p99 {:>8.2} ms  errors {:>6}  RSS {:.0} MB",
            engine.label(),
            kind.label,
            measured.rate,
            measured.p50,
            measured.p99,
            measured.errors,
            memory.0
        );
        rows.push((kind.label, measured, memory));
    }
    drop(server);
    drop(db);
    Figures { engine, rows }
}

fn percent(part: f64, whole: f64) -> String {
    format!("{:.1}%", 100.0 * part / whole)
}

fn print_table(all: &[Figures], web: Measured, pgbench: Option<f64>) {
    let mut header = String::from("| request |");
    let mut rule = String::from("|---|");
    for figures in all {
        let name = figures.engine.label();
        header.push_str(&format!(
            " {name} req/s | p50 ms | p99 ms | errors | % of web ceiling |"
        ));
        rule.push_str("--:|--:|--:|--:|--:|");
        if figures.engine == Engine::Postgres && pgbench.is_some() {
            header.push_str(" % of pgbench |");
            rule.push_str("--:|");
        }
        header.push_str(" RSS MB |");
        rule.push_str("--:|");
    }
    println!("\n{header}\n{rule}");
    let labels: Vec<&str> = all
        .first()
        .map(|f| f.rows.iter().map(|row| row.0).collect())
        .unwrap_or_default();
    for label in labels {
        let mut line = format!("| {label} |");
        for figures in all {
            match figures.rows.iter().find(|row| row.0 == label) {
                Some((_, m, memory)) => {
                    line.push_str(&format!(
                        " {:.0} | {:.2} | {:.2} | {} | {} |",
                        m.rate,
                        m.p50,
                        m.p99,
                        m.errors,
                        percent(m.rate, web.rate)
                    ));
                    if figures.engine == Engine::Postgres
                        && let Some(tps) = pgbench
                    {
                        line.push_str(&format!(" {} |", percent(m.rate, tps)));
                    }
                    line.push_str(&format!(" {:.0} |", memory.0));
                }
                None => {
                    let columns = if figures.engine == Engine::Postgres && pgbench.is_some() {
                        7
                    } else {
                        6
                    };
                    line.push_str(&" – |".repeat(columns));
                }
            }
        }
        println!("{line}");
    }
    println!(
        "\nCeilings in the same run: bare actix-web, fixed 20-item JSON page: {:.0} req/s (p50 {:.2} ms, p99 {:.2} ms, errors {}){}.",
        web.rate,
        web.p50,
        web.p99,
        web.errors,
        pgbench.map_or(String::new(), |tps| format!(
            "; pgbench -S -M prepared -c 16 -j 2: {tps:.0} transactions/s"
        ))
    );
    for figures in all {
        if let Some((_, _, (rss, hwm))) = figures.rows.last() {
            println!(
                "{} server memory after the runs: VmRSS {rss:.0} MB, peak (VmHWM) {hwm:.0} MB.",
                figures.engine.label()
            );
        }
    }
}

/// The performance targets (README, "Performance"), each with whether this run met it.
fn print_targets(all: &[Figures], web: Measured, pgbench: Option<f64>) {
    println!("\nTargets:");
    let check = |met: bool, text: String| println!("- [{}] {text}", if met { "x" } else { " " });
    for figures in all {
        let name = figures.engine.label();
        let (Some(first), Some(filtered), Some(registry), Some(deep), Some(writes)) = (
            figures.get(FIRST),
            figures.get(FILTERED),
            figures.get(REGISTRY),
            figures.get(DEEP),
            figures.get(WRITES),
        ) else {
            continue;
        };
        let (ceiling, share, of) = match figures.engine {
            Engine::Sqlite => (web.rate, 0.20, "the web ceiling"),
            Engine::Postgres => (pgbench.unwrap_or(f64::NAN), 0.25, "pgbench"),
        };
        for (label, m) in [("first", first), ("filtered", filtered)] {
            check(
                m.rate >= share * ceiling && m.p99 <= 20.0,
                format!(
                    "{name}: catalogue {label} page ≥ {:.0}% of {of} with p99 ≤ 20 ms — {} , p99 {:.1} ms",
                    share * 100.0,
                    percent(m.rate, ceiling),
                    m.p99
                ),
            );
        }
        check(
            registry.rate >= first.rate / 2.0 && registry.p99 <= 50.0,
            format!(
                "{name}: registry ≥ half the catalogue's rate with p99 ≤ 50 ms — {:.0} vs {:.0} req/s, p99 {:.1} ms",
                registry.rate, first.rate, registry.p99
            ),
        );
        for (label, m) in [("page 500", Some(deep)), ("page 500 by cursor", figures.get(CURSOR))] {
            if let Some(m) = m {
                check(
                    m.rate * 1.5 >= first.rate,
                    format!(
                        "{name}: catalogue {label} within 1.5× of the first page — {:.0} vs {:.0} req/s",
                        m.rate, first.rate
                    ),
                );
            }
        }
        if figures.engine == Engine::Sqlite
            && let Some(me) = figures.get(ME)
        {
            check(
                me.rate >= 0.5 * web.rate,
                format!("{name}: `me` ≥ 50% of the web ceiling — {}", percent(me.rate, web.rate)),
            );
        }
        check(
            writes.errors == 0,
            format!("{name}: 0 errors under the write mix — {} errors", writes.errors),
        );
        if let Some((_, _, (rss, _))) = figures.rows.last() {
            check(
                *rss <= 100.0,
                format!("{name}: server memory ≤ 100 MB after the runs — {rss:.0} MB"),
            );
        }
    }
}

/// The figures as JSON, kept per scale so that a national run can set itself against the
/// latest region run: `{"PostgreSQL": {"<request>": {"rate":…, "p50":…, "p99":…}}}`.
fn figures_json(all: &[Figures]) -> Value {
    let mut engines = serde_json::Map::new();
    for figures in all {
        let rows: serde_json::Map<String, Value> = figures
            .rows
            .iter()
            .map(|(label, m, _)| ((*label).to_owned(), json!({"rate": m.rate, "p50": m.p50, "p99": m.p99})))
            .collect();
        engines.insert(figures.engine.label().to_owned(), Value::Object(rows));
    }
    Value::Object(engines)
}

/// National against region on PostgreSQL: list latency must not grow with the data
/// (the target: within 2× of the region figures).
fn print_growth(national: &[Figures], region: &Value) {
    let Some(figures) = national.iter().find(|f| f.engine == Engine::Postgres) else {
        return;
    };
    println!("\nNational against the latest region run (PostgreSQL), target: p99 within 2×:");
    println!(
        "\n| request | region req/s | national req/s | region p99 ms | national p99 ms | p99 ratio |\n|---|--:|--:|--:|--:|--:|"
    );
    for (label, m, _) in &figures.rows {
        let before = &region["PostgreSQL"][*label];
        let (Some(rate), Some(p99)) = (before["rate"].as_f64(), before["p99"].as_f64()) else {
            continue;
        };
        println!(
            "| {label} | {rate:.0} | {:.0} | {p99:.2} | {:.2} | {:.2}× |",
            m.rate,
            m.p99,
            m.p99 / p99
        );
    }
}

#[tokio::main]
async fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned();
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let work = target.join("bench-load");
    let scale = match std::env::var("LOAD_SCALE").as_deref() {
        Ok("national") => Scale::NATIONAL,
        Ok("guard") => Scale::GUARD,
        _ => Scale::REGION,
    };
    let postgres = std::env::var("TEST_POSTGRES_URL").ok();
    let mut engines = Vec::new();
    if scale.name != Scale::NATIONAL.name {
        engines.push(Engine::Sqlite);
    }
    if postgres.is_some() {
        engines.push(Engine::Postgres);
    }
    if let Ok(only) = std::env::var("LOAD_ENGINE") {
        engines.retain(|engine| engine.key() == only);
    }
    assert!(
        !engines.is_empty(),
        "no database to measure: national scale and LOAD_ENGINE=postgres need PostgreSQL (TEST_POSTGRES_URL)"
    );
    let setup = Setup {
        backend: std::env::var_os("BENCH_BACKEND")
            .map(PathBuf::from)
            .expect("BENCH_BACKEND: the release backend binary (cargo xtask bench --load sets it)"),
        root,
        work: work.clone(),
        postgres: postgres.clone().unwrap_or_default(),
        drop_seed: scale.name == Scale::NATIONAL.name && std::env::var("LOAD_KEEP").is_err(),
    };
    let load = Load {
        threads: env_or("LOAD_THREADS", 2),
        connections: env_or("LOAD_CONNECTIONS", 64),
        seconds: env_or("LOAD_SECONDS", 10),
        timeout: env_or("LOAD_TIMEOUT", 2),
        scripts: work.join("wrk"),
    };
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!(
        "Load at {} scale ({} schools, {} resources, {} answers): wrk -t{} -c{} -d{}s, {cores} cores",
        scale.name, scale.schools, scale.resources, scale.feedback, load.threads, load.connections, load.seconds
    );

    let ceiling = data::spawn_announcing(std::process::Command::new(env!("CARGO_BIN_EXE_bench-ceiling")), "");
    let web = load.run(&format!("{}/", ceiling.address), None, &Script::Get);
    drop(ceiling);
    println!("web ceiling (bare actix-web, 20-item page): {:.0} req/s", web.rate);
    if scale.name == Scale::GUARD.name {
        let mut passed = true;
        for engine in engines {
            passed &= guard::check(&setup, &load, engine, web).await;
        }
        if !passed {
            std::process::exit(1);
        }
        return;
    }
    let pgbench = postgres.as_deref().map(|server| wrk::pgbench(server, load.seconds));
    if let Some(tps) = pgbench {
        println!("PostgreSQL ceiling (pgbench -S -M prepared -c 16 -j 2): {tps:.0} transactions/s");
    }

    let mut all = Vec::new();
    for engine in engines {
        all.push(measure(&setup, &load, engine, scale).await);
    }
    print_table(&all, web, pgbench);
    print_targets(&all, web, pgbench);
    std::fs::write(
        work.join(format!("figures-{}.json", scale.name)),
        figures_json(&all).to_string(),
    )
    .unwrap();
    if scale.name == "national"
        && let Ok(region) = std::fs::read_to_string(work.join("figures-region.json"))
    {
        print_growth(&all, &serde_json::from_str(&region).unwrap_or(Value::Null));
    }
}
