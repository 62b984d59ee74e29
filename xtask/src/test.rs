//! `cargo xtask test`: every check the project has, in the order that fails fastest,
//! with a summary of times and test counts per step.

use crate::process::{self, Counts};
use crate::{coverage, frontend, load, tools};
use anyhow::{Context, bail};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Step {
    name: &'static str,
    seconds: f64,
    counts: Option<Counts>,
    note: Option<String>,
    skipped: bool,
}

#[derive(Default)]
struct Report {
    steps: Vec<Step>,
}

impl Report {
    fn time<T>(&mut self, name: &'static str, work: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<T> {
        println!("\n══ {name} ══");
        let started = Instant::now();
        let result = work();
        let seconds = started.elapsed().as_secs_f64();
        self.steps.push(Step {
            name,
            seconds,
            counts: None,
            note: result.as_ref().err().map(|e| format!("FAILED: {e:#}")),
            skipped: false,
        });
        result
    }

    fn count(&mut self, name: &'static str, work: impl FnOnce() -> (Counts, anyhow::Result<()>)) -> anyhow::Result<()> {
        let mut counts = Counts::default();
        let result = self.time(name, || {
            let (found, result) = work();
            counts = found;
            result
        });
        if let Some(step) = self.steps.last_mut() {
            step.counts = Some(counts);
        }
        result
    }

    fn skip(&mut self, name: &'static str, why: String) {
        println!("\n══ {name} ══\nSKIPPED: {why}");
        self.steps.push(Step {
            name,
            seconds: 0.0,
            counts: None,
            note: Some(format!("SKIPPED: {why}")),
            skipped: true,
        });
    }

    fn print(&self) {
        println!("\n══ summary ══");
        let mut total = Counts::default();
        for step in &self.steps {
            let counts = step.counts.map(|c| {
                total.add(c);
                format!("{} passed, {} failed, {} skipped", c.passed, c.failed, c.skipped)
            });
            let detail = match (step.note.clone(), counts) {
                (Some(note), Some(counts)) => format!("{counts} — {note}"),
                (note, counts) => note.or(counts).unwrap_or_else(|| "ok".to_owned()),
            };
            println!("{:<22} {:>6.0} s   {detail}", step.name, step.seconds);
        }
        let seconds: f64 = self.steps.iter().map(|s| s.seconds).sum();
        println!("total time {seconds:.0} s");
        let skipped: Vec<&str> = self.steps.iter().filter(|s| s.skipped).map(|s| s.name).collect();
        println!(
            "{} passed, {} failed, {} skipped; {}",
            total.passed,
            total.failed,
            total.skipped,
            if skipped.is_empty() {
                "no suite skipped".to_owned()
            } else {
                format!("{} suite(s) SKIPPED: {}", skipped.len(), skipped.join(", "))
            }
        );
    }
}

/// Runs everything; fails on the first failing step, after printing the summary.
pub fn run(root: &Path) -> anyhow::Result<()> {
    let mut report = Report::default();
    let result = run_steps(root, &mut report);
    report.print();
    result
}

/// Only the load guard (the release server, then the guard on SQLite and PostgreSQL),
/// with the same summary.
pub fn run_guard(root: &Path) -> anyhow::Result<()> {
    let mut report = Report::default();
    let pg_url = tools::postgres_url();
    let result = (|| {
        report.time("tools", tools::ensure_wrk)?;
        load_guard(root, &mut report, tools::postgres_reachable(&pg_url), &pg_url)
    })();
    report.print();
    result
}

/// The release server's build (which every later server of the run uses), then the load
/// guard on SQLite and, when it is there, on PostgreSQL at `pg_url`.
fn load_guard(root: &Path, report: &mut Report, postgres: bool, pg_url: &str) -> anyhow::Result<()> {
    report.time("server (release)", || load::release(root).map(drop))?;
    report.time("load guard on SQLite", || load::guard(root, None))?;
    if postgres {
        report.time("load guard, PostgreSQL", || load::guard(root, Some(pg_url)))
    } else {
        report.skip("load guard, PostgreSQL", no_postgres(pg_url));
        Ok(())
    }
}

/// Why a PostgreSQL step is skipped.
fn no_postgres(pg_url: &str) -> String {
    format!("no PostgreSQL at {pg_url} (set TEST_POSTGRES_URL; required when CI is set)")
}

/// Only the contract checks (schemathesis and the generated Python client), with the
/// same summary.
pub fn run_contract(root: &Path) -> anyhow::Result<()> {
    let mut report = Report::default();
    let result = (|| {
        let python = report.time("tools", || tools::ensure_python_venv(root))?;
        report.count("contract: schemathesis", || schemathesis(root, &python))?;
        report.count("contract: Python client", || python_client(root, &python))
    })();
    report.print();
    result
}

fn cargo_in(root: &Path, args: &[&str]) -> Command {
    let mut command = process::cargo();
    command.current_dir(root).args(args);
    command
}

fn run_steps(root: &Path, report: &mut Report) -> anyhow::Result<()> {
    let ci = process::truthy(std::env::var("CI").ok().as_deref());
    let pg_url = tools::postgres_url();
    let (chromium, compose, postgres, python) = report.time("tools", || {
        tools::ensure_wasm_target()?;
        tools::ensure_node()?;
        tools::ensure_wrk()?;
        let chromium = tools::ensure_chromium()?;
        let compose = tools::ensure_docker_compose()?;
        tools::ensure_node_packages(&root.join("tests/e2e"))?;
        let python = tools::ensure_python_venv(root)?;
        let postgres = tools::postgres_reachable(&pg_url);
        if !postgres && ci {
            bail!("PostgreSQL is not reachable at {pg_url}: with CI set the PostgreSQL suite is required");
        }
        // The browser tests' own PostgreSQL database is made with psql.
        let psql = postgres.then(tools::ensure_psql).transpose()?;
        Ok((chromium, compose, psql, python))
    })?;

    report.time("compose config", || {
        let mut command = Command::new(&compose);
        command.current_dir(root).args(["config", "--quiet"]);
        command
            .env("JWT_SECRET", "x".repeat(32))
            .env("POSTGRES_PASSWORD", "validation-only");
        process::run_status(&mut command, "docker-compose config")
    })?;
    report.time("format", || {
        process::run_status(
            &mut cargo_in(root, &["fmt", "--all", "--", "--check"]),
            "cargo fmt --check",
        )
    })?;
    report.time("clippy (server)", || {
        let args = [
            "clippy",
            "--workspace",
            "--exclude",
            "frontend",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ];
        process::run_status(&mut cargo_in(root, &args), "clippy")
    })?;
    report.time("clippy (web app)", || {
        let args = [
            "clippy",
            "--package",
            "frontend",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ];
        process::run_status(&mut cargo_in(root, &args), "clippy on the web app")
    })?;
    report.count("unit tests", || {
        let args = ["test", "--workspace", "--exclude", "frontend", "--exclude", "tests"];
        process::run_counting(&mut cargo_in(root, &args), "the unit tests")
    })?;
    report.count("web app logic", || {
        // The web app's pure logic (access decisions, texts, formats, the API client's
        // request building) runs natively: none of it touches the browser.
        let args = ["test", "--package", "frontend"];
        process::run_counting(&mut cargo_in(root, &args), "the web app's unit tests")
    })?;
    // The SQLite run also logs every request it sends, to count the documented
    // operations it saw succeed.
    let operation_log = std::env::temp_dir().join(format!("api-operations-{}.log", std::process::id()));
    let _ = std::fs::remove_file(&operation_log);
    report.count("API on SQLite", || {
        let mut command = cargo_in(root, &["test", "--package", "tests"]);
        command
            .env("TEST_DATABASE", "sqlite")
            .env("API_OPERATION_LOG", &operation_log);
        process::run_counting(&mut command, "the API suite on SQLite")
    })?;
    let covered = report.time("API operations", || coverage::check(root, &operation_log));
    let _ = std::fs::remove_file(&operation_log);
    covered?;
    if postgres.is_some() {
        report.count("API on PostgreSQL", || {
            let mut command = cargo_in(root, &["test", "--package", "tests"]);
            command
                .env("TEST_DATABASE", "postgres")
                .env("TEST_POSTGRES_URL", &pg_url);
            process::run_counting(&mut command, "the API suite on PostgreSQL")
        })?;
    } else {
        report.skip("API on PostgreSQL", no_postgres(&pg_url));
    }
    load_guard(root, report, postgres.is_some(), &pg_url)?;
    report.count("contract: schemathesis", || schemathesis(root, &python))?;
    report.count("contract: Python client", || python_client(root, &python))?;
    let dist = report.time("web app (wasm)", || frontend::build(root, true))?;
    report.time("web app size", || frontend::check_budget(root, &dist))?;
    report.time("OpenAPI lint", || {
        let mut command = Command::new("npx");
        command.current_dir(root.join("tests/e2e")).args([
            "--no-install",
            "redocly",
            "lint",
            "--format=stylish",
            "../../openapi/openapi.json",
        ]);
        process::run_status(&mut command, "redocly lint")
    })?;
    report.count("browser on SQLite", || browser_tests(root, &dist, &chromium, None))?;
    match postgres {
        Some(psql) => report.count("browser on PostgreSQL", || match PgDatabase::create(&psql, &pg_url) {
            Ok(database) => browser_tests(root, &dist, &chromium, Some(&database.url)),
            Err(err) => (Counts::default(), Err(err)),
        })?,
        None => report.skip("browser on PostgreSQL", no_postgres(&pg_url)),
    }
    Ok(())
}

/// A PostgreSQL database made for one step (`CREATE DATABASE` on the server of
/// `TEST_POSTGRES_URL`, with psql) and dropped when this value is dropped.
struct PgDatabase {
    psql: PathBuf,
    server: String,
    name: String,
    /// The database's own URL.
    url: String,
}

impl PgDatabase {
    fn create(psql: &Path, server: &str) -> anyhow::Result<Self> {
        let name = format!("ip_e2e_{}_{}", std::process::id(), free_port()?);
        let database = Self {
            psql: psql.to_path_buf(),
            server: server.to_owned(),
            url: database_url(server, &name),
            name,
        };
        database.sql(&format!("CREATE DATABASE {}", database.name))?;
        Ok(database)
    }

    fn sql(&self, statement: &str) -> anyhow::Result<()> {
        let mut command = Command::new(&self.psql);
        command
            .args(["--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--dbname"])
            .arg(&self.server)
            .args(["--command", statement]);
        process::run_status(&mut command, &format!("psql ({statement})"))
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        if let Err(err) = self.sql(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name)) {
            eprintln!("xtask: could not drop the database {}: {err:#}", self.name);
        }
    }
}

/// The URL of the database `name` on the server of `server` (its last path segment
/// replaced, its query kept).
fn database_url(server: &str, name: &str) -> String {
    let (base, query) = server
        .split_once('?')
        .map_or((server, None), |(base, query)| (base, Some(query)));
    let authority_end = base.find("://").map_or(0, |scheme| scheme + 3);
    let base = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

/// A backend process that is stopped when dropped.
pub(crate) struct Server {
    child: Child,
    log: PathBuf,
    dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn ready(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = "GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    let mut response = String::new();
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_to_string(&mut response).is_ok()
        && response.starts_with("HTTP/1.1 200")
}

/// Starts the release server (the build the load guard uses, made once per run) with the
/// demo data, on SQLite in a data directory of its own (made fresh, removed when the
/// server is dropped) or on the fresh PostgreSQL database `database`, so what one step's
/// requests change no other step sees. Without `dist` it serves the API only.
pub(crate) fn start_server(root: &Path, dist: Option<&Path>, database: Option<&str>) -> anyhow::Result<(Server, u16)> {
    let binary = load::release(root)?.backend;
    let port = free_port()?;
    let dir = std::env::temp_dir().join(format!("ip-xtask-{}-{port}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let log = dir.join("backend.log");
    let mut command = Command::new(&binary);
    match database {
        Some(url) => command.env("DATABASE_URL", url),
        None => command.env_remove("DATABASE_URL"),
    };
    let child = command
        .current_dir(&dir)
        .env_remove("JWT_SECRET")
        .env("HOST", "127.0.0.1")
        .env("PORT", port.to_string())
        .env("DATA_DIR", dir.join("data"))
        .env(
            "STATIC_DIR",
            dist.map_or_else(|| dir.join("no-web-app"), Path::to_path_buf),
        )
        .env("DEMO_DATA", "true")
        .env("LOG_FORMAT", "json")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log)?)
        .spawn()
        .with_context(|| format!("cannot start {}", binary.display()))?;
    let mut server = Server { child, log, dir };
    let deadline = Instant::now() + Duration::from_secs(60);
    while !ready(port) {
        if Instant::now() > deadline || server.child.try_wait()?.is_some() {
            let log = std::fs::read_to_string(&server.log).unwrap_or_default();
            bail!("the backend did not become ready on port {port}:\n{log}");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Ok((server, port))
}

/// `cargo xtask bench --web`: the web app's load times in throttled Chromium
/// (`tests/e2e/bench/web.js`), on a release build of it — or on the build in
/// `BENCH_WEB_DIST`, to measure another revision's — served with the demo data.
pub fn bench_web(root: &Path) -> anyhow::Result<()> {
    tools::ensure_node()?;
    let chromium = tools::ensure_chromium()?;
    tools::ensure_node_packages(&root.join("tests/e2e"))?;
    let dist = match std::env::var_os("BENCH_WEB_DIST") {
        Some(dist) => PathBuf::from(dist),
        None => frontend::build(root, true)?,
    };
    let (server, port) = start_server(root, Some(&dist), None)?;
    let mut command = Command::new("node");
    command
        .current_dir(root.join("tests/e2e"))
        .arg("bench/web.js")
        .env("BASE_URL", format!("http://127.0.0.1:{port}"))
        .env("CHROMIUM_PATH", &chromium);
    let result = process::run_status(&mut command, "the web app bench");
    if result.is_err() {
        print_log_tail(&server);
    }
    result
}

/// The browser tests against a server with the web app and the demo data: every spec on
/// SQLite; on the PostgreSQL database `database` the specs whose pages search, filter and
/// page the long lists and the two whole stories (`npm run test:postgres`), the API suite
/// having run in full on both engines.
fn browser_tests(root: &Path, dist: &Path, chromium: &Path, database: Option<&str>) -> (Counts, anyhow::Result<()>) {
    let (server, port) = match start_server(root, Some(dist), database) {
        Ok(started) => started,
        Err(err) => return (Counts::default(), Err(err)),
    };
    let script = if database.is_some() { "test:postgres" } else { "test" };
    let mut command = Command::new("npm");
    command
        .current_dir(root.join("tests/e2e"))
        .args(["run", "--silent", script])
        .env("BASE_URL", format!("http://127.0.0.1:{port}"))
        .env("CHROMIUM_PATH", chromium);
    let (counts, result) = process::run_counting(&mut command, "the browser tests");
    if result.is_err() {
        print_log_tail(&server);
    }
    drop(server);
    (counts, result)
}

/// Prints the last lines of a server's log (after a failing step).
fn print_log_tail(server: &Server) {
    let log = std::fs::read_to_string(&server.log).unwrap_or_default();
    let tail: Vec<&str> = log.lines().rev().take(30).collect();
    eprintln!(
        "last lines of the backend log:\n{}",
        tail.into_iter().rev().collect::<Vec<_>>().join("\n")
    );
}

/// The seed of the schemathesis step: the same requests on every run.
const SCHEMATHESIS_SEED: &str = "20261130";
/// Test cases per operation and phase: enough to find what the earlier runs found, few
/// enough to keep the step within about four minutes on two cores.
const SCHEMATHESIS_EXAMPLES: &str = "10";

/// schemathesis against a live server with the demo data: every operation of the
/// committed spec, all checks, all phases, as the director and the committee (see
/// `tests/contract/schemathesis.toml` and `auth.json`). The server has a data directory
/// of its own, so the fuzzing changes nothing another step reads.
///
/// Sign-in is fuzzed in a second run, after the first and without an identity
/// (`sign-in.toml`): schemathesis tries the e-mails it reads in responses with wrong
/// passwords, and five failures lock that account out for 15 minutes, so the director's
/// and the committee's own sign-ins (how the first run authenticates) would be refused
/// for the rest of the run.
fn schemathesis(root: &Path, python: &Path) -> (Counts, anyhow::Result<()>) {
    let (server, port) = match start_server(root, None, None) {
        Ok(started) => started,
        Err(err) => return (Counts::default(), Err(err)),
    };
    let mut counts = Counts::default();
    let mut result = Ok(());
    for (config, filter, what) in [
        (
            "schemathesis.toml",
            "--exclude-operation-id",
            "schemathesis (every operation but sign-in)",
        ),
        ("sign-in.toml", "--include-operation-id", "schemathesis (sign-in)"),
    ] {
        let mut command = Command::new(python.join("schemathesis"));
        command
            .current_dir(root.join("tests/contract"))
            .args(["--config-file", config, "--no-color", "run"])
            .arg("../../openapi/openapi.json")
            .args(["--url", &format!("http://127.0.0.1:{port}")])
            .args([filter, "create_session"])
            .args(["--checks", "all"])
            .args(["--phases", "examples,coverage,fuzzing,stateful"])
            .args(["--seed", SCHEMATHESIS_SEED])
            .args(["--max-examples", SCHEMATHESIS_EXAMPLES])
            .env("NO_COLOR", "1");
        let (found, outcome) = process::run_counting_with(&mut command, what, process::parse_schemathesis_line);
        counts.add(found);
        if outcome.is_err() {
            print_log_tail(&server);
            result = result.and(outcome);
        }
    }
    drop(server);
    (counts, result)
}

/// A Python client generated from the committed spec with openapi-python-client, and the
/// committee's script (`tests/contract/committee.py`) that uses only that client.
fn python_client(root: &Path, python: &Path) -> (Counts, anyhow::Result<()>) {
    let out = crate::target_dir(root).join("contract-client");
    let generated = (|| {
        if out.exists() {
            std::fs::remove_dir_all(&out).with_context(|| format!("cannot remove {}", out.display()))?;
        }
        std::fs::create_dir_all(&out)?;
        let mut command = Command::new(python.join("openapi-python-client"));
        command
            .current_dir(root)
            .args(["generate", "--meta", "none", "--fail-on-warning"])
            .args(["--path", "openapi/openapi.json"])
            .args(["--config", "tests/contract/client.yaml"])
            .arg("--output-path")
            .arg(out.join("ip_client"));
        process::run_status(&mut command, "openapi-python-client")
    })();
    if let Err(err) = generated {
        return (Counts::default(), Err(err));
    }
    let (server, port) = match start_server(root, None, None) {
        Ok(started) => started,
        Err(err) => return (Counts::default(), Err(err)),
    };
    let mut command = Command::new(python.join("python"));
    command
        .current_dir(root)
        .arg("tests/contract/committee.py")
        .env("PYTHONPATH", &out)
        .env("BASE_URL", format!("http://127.0.0.1:{port}"));
    let (counts, result) = process::run_counting(&mut command, "the committee's script");
    if result.is_err() {
        print_log_tail(&server);
    }
    drop(server);
    (counts, result)
}

#[cfg(test)]
mod tests {
    use super::database_url;

    #[test]
    fn a_database_url_names_the_database_on_the_same_server() {
        assert_eq!(
            database_url("postgres://postgres@127.0.0.1:5432/postgres", "ip_e2e_1_2"),
            "postgres://postgres@127.0.0.1:5432/ip_e2e_1_2"
        );
        assert_eq!(
            database_url("postgres://u:p@db/postgres?sslmode=disable", "x"),
            "postgres://u:p@db/x?sslmode=disable"
        );
        assert_eq!(database_url("postgres://u@db:5433", "x"), "postgres://u@db:5433/x");
    }
}
