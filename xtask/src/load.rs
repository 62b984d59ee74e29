//! `bench --load` and the load guard of `cargo xtask test`: the release server under
//! concurrent load. The measuring itself is `tests/bench/load` (a cargo bench); this task
//! makes sure wrk and pgbench are there, builds the release server with the bench once
//! per run (the browser tests' server is the same binary) and passes the settings on.

use crate::{process, tools};
use anyhow::{Context, bail};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// wrk's settings for the guard: a few seconds per list, at most a few minutes per
/// database with the data and the ceiling; a timeout long enough that a slower machine
/// fails a list by its ratio to the ceiling, not by wrk's default of 2 s.
const GUARD_SECONDS: &str = "3";
const GUARD_CONNECTIONS: &str = "32";
const GUARD_THREADS: &str = "2";
const GUARD_TIMEOUT: &str = "10";

/// The release build that every load run and every server of the test command use.
#[derive(Debug, Clone)]
pub struct Release {
    /// The `backend` binary.
    pub backend: PathBuf,
    /// The `load` bench's executable.
    bench: PathBuf,
}

/// The release server and the load bench, built by one cargo run the first time they
/// are asked for (one run, so that the backend is compiled once, with one set of
/// features, for both).
pub fn release(root: &Path) -> anyhow::Result<Release> {
    static BUILT: OnceLock<Release> = OnceLock::new();
    if let Some(built) = BUILT.get() {
        return Ok(built.clone());
    }
    let mut build = process::cargo();
    build
        .current_dir(root)
        .args(["build", "--release", "--message-format=json-render-diagnostics"])
        .args(["--package", "backend", "--bin", "backend"])
        .args(["--package", "tests", "--bench", "load"])
        .stdout(Stdio::piped());
    let mut child = build.spawn().context("cannot start the release build")?;
    let (mut backend, mut bench) = (None, None);
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let message: serde_json::Value = serde_json::from_str(&line?).unwrap_or_default();
            let target = &message["target"];
            let executable = message["executable"].as_str().map(PathBuf::from);
            let kind = |wanted: &str| {
                target["kind"]
                    .as_array()
                    .is_some_and(|kinds| kinds.iter().any(|kind| kind == wanted))
            };
            match target["name"].as_str() {
                Some("backend") if kind("bin") => backend = executable,
                Some("load") if kind("bench") => bench = executable,
                _ => {}
            }
        }
    }
    let status = child.wait().context("cannot wait for the release build")?;
    if !status.success() {
        bail!("the release build of the backend failed ({status})");
    }
    let (Some(backend), Some(bench)) = (backend, bench) else {
        bail!("the release build named no backend binary or no load bench");
    };
    Ok(BUILT.get_or_init(|| Release { backend, bench }).clone())
}

/// The load bench on the release server, with the run's settings to add.
fn bench(root: &Path) -> anyhow::Result<Command> {
    let release = release(root)?;
    let mut bench = Command::new(&release.bench);
    bench
        .current_dir(root.join("tests"))
        .env("CARGO_TARGET_DIR", crate::target_dir(root))
        .env("BENCH_BACKEND", &release.backend)
        .env_remove("LOAD_ENGINE");
    Ok(bench)
}

/// The load guard on SQLite, or on PostgreSQL at `postgres`: fails when a list became
/// slow against `tests/bench/guard-baseline.json` or answered anything but 2xx.
pub fn guard(root: &Path, postgres: Option<&str>) -> anyhow::Result<()> {
    let mut guard = bench(root)?;
    guard
        .env("LOAD_SCALE", "guard")
        .env("LOAD_SECONDS", GUARD_SECONDS)
        .env("LOAD_CONNECTIONS", GUARD_CONNECTIONS)
        .env("LOAD_THREADS", GUARD_THREADS)
        .env("LOAD_TIMEOUT", GUARD_TIMEOUT);
    match postgres {
        Some(url) => guard.env("LOAD_ENGINE", "postgres").env("TEST_POSTGRES_URL", url),
        None => guard.env("LOAD_ENGINE", "sqlite").env_remove("TEST_POSTGRES_URL"),
    };
    process::run_status(&mut guard, "the load guard")
}

/// The choices of `cargo xtask bench --load`.
#[derive(Debug, Clone)]
pub struct Options {
    /// National scale (PostgreSQL only) instead of region scale.
    pub national: bool,
    /// Keep the seeded national database.
    pub keep: bool,
    /// Seconds per request kind.
    pub seconds: u32,
    /// wrk's connections.
    pub connections: u32,
    /// wrk's threads.
    pub threads: u32,
}

/// Runs the load benchmark.
pub fn run(root: &Path, options: &Options) -> anyhow::Result<()> {
    if options.threads == 0 || options.connections < options.threads || options.seconds == 0 {
        bail!("--threads and --seconds must be positive, and --connections at least --threads");
    }
    tools::ensure_wrk()?;
    let postgres = tools::postgres_url();
    let reachable = tools::postgres_reachable(&postgres);
    if reachable {
        tools::ensure_pgbench()?;
    } else if options.national {
        bail!("national scale runs on PostgreSQL, and there is none at {postgres} (set TEST_POSTGRES_URL)");
    } else {
        println!("xtask: no PostgreSQL at {postgres}; only SQLite is measured");
    }
    let mut bench = bench(root)?;
    bench
        .env("LOAD_SCALE", if options.national { "national" } else { "region" })
        .env("LOAD_SECONDS", options.seconds.to_string())
        .env("LOAD_CONNECTIONS", options.connections.to_string())
        .env("LOAD_THREADS", options.threads.to_string())
        .env_remove("LOAD_TIMEOUT");
    if reachable {
        bench.env("TEST_POSTGRES_URL", &postgres);
    } else {
        bench.env_remove("TEST_POSTGRES_URL");
    }
    if options.keep {
        bench.env("LOAD_KEEP", "1");
    } else {
        bench.env_remove("LOAD_KEEP");
    }
    process::run_status(&mut bench, "the load benchmark")
}
