//! Project tasks, run as `cargo xtask <task>`:
//!
//! - `run [--release] [-- <backend args>]` — build the web app and serve it with the API
//!   on SQLite in `./data` (or `DATABASE_URL`), demo data loaded on first start;
//! - `test` — every check: formatting, clippy, unit tests, the API suite on SQLite and
//!   PostgreSQL, the load guard, the contract, the wasm build and the browser tests;
//! - `contract` — only the contract checks of `test`: schemathesis against a live server
//!   and the committee's script on a Python client generated from the spec;
//! - `build-frontend [--dev]` — only the web app, into `dist/`;
//! - `openapi` — regenerate `openapi/openapi.json` from the handlers;
//! - `bench [--flood | --load [--national] | --guard | --web]` — region-scale latency of the
//!   catalogue and the registry on both databases; with `--flood`, `GET /api/me` during a
//!   sign-in flood instead; with `--load`, throughput of the release server under `wrk` next
//!   to the machine's ceilings (see `load`); with `--guard`, only the load guard of `test`;
//!   with `--web`, the web app's load times in throttled Chromium;
//! - `seed [--schools N --resources N --feedback N]` — fill the database at region scale.

mod coverage;
mod frontend;
#[cfg(test)]
mod imports;
mod load;
mod process;
mod test;
mod tools;

use anyhow::{Context, bail};
use clap::{CommandFactory, Parser, Subcommand};
use std::path::PathBuf;

fn main() {
    if let Err(err) = run() {
        eprintln!("\nxtask: error: {err:#}");
        std::process::exit(1);
    }
}

/// Project tasks: run, test, build the frontend, regenerate the OpenAPI spec.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Cli {
    /// The task; without one, the list of tasks is printed.
    #[command(subcommand)]
    task: Option<Task>,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Build the web app and serve it (http://127.0.0.1:8080).
    Run {
        /// Build and run the backend with optimisations.
        #[arg(long)]
        release: bool,
        /// Arguments for the backend, after `--`.
        #[arg(last = true, value_name = "BACKEND ARGS")]
        backend_args: Vec<String>,
    },
    /// Run every check and test (SQLite, PostgreSQL, browser).
    Test,
    /// Run only the contract checks (schemathesis, the generated Python client).
    Contract,
    /// Build the web app into dist/.
    BuildFrontend {
        /// A debug build of the wasm, faster to build, larger to download.
        #[arg(long)]
        dev: bool,
    },
    /// Regenerate openapi/openapi.json.
    Openapi,
    /// Region-scale latency of the catalogue and registry, both databases.
    Bench {
        /// Instead: `GET /api/me` latency while a bounded loopback flood of sign-ins runs.
        #[arg(long, conflicts_with_all = ["load", "web"])]
        flood: bool,
        /// Instead: throughput of the release server under wrk (64 connections) on both
        /// databases, next to a bare actix-web page and pgbench measured in the same run.
        #[arg(long, conflicts_with = "web")]
        load: bool,
        /// With --load: at national scale (40 000 schools, 1 000 000 resources,
        /// 20 000 000 answers), PostgreSQL only.
        #[arg(long, requires = "load")]
        national: bool,
        /// With --national: keep the seeded national database for the next run.
        #[arg(long, requires = "national")]
        keep: bool,
        /// With --load: seconds of load per request kind.
        #[arg(long, requires = "load", default_value_t = 10, value_name = "S")]
        seconds: u32,
        /// With --load: wrk's open connections.
        #[arg(long, requires = "load", default_value_t = 64, value_name = "N")]
        connections: u32,
        /// With --load: wrk's threads.
        #[arg(long, requires = "load", default_value_t = 2, value_name = "N")]
        threads: u32,
        /// Instead: only the load guard of `cargo xtask test` (every list under wrk on a
        /// small data set, against the committed baseline), on both databases.
        #[arg(long, conflicts_with_all = ["flood", "load", "web"])]
        guard: bool,
        /// Instead: the sign-in and a project page's load times in Chromium on a throttled
        /// network and CPU (`BENCH_WEB_DIST` measures an existing build of the web app).
        #[arg(long)]
        web: bool,
    },
    /// Fill the database (DATABASE_URL or ./data) at region scale.
    Seed {
        /// Schools to add (the backend's default without it).
        #[arg(long, value_name = "N")]
        schools: Option<usize>,
        /// Resources to add (the backend's default without it).
        #[arg(long, value_name = "N")]
        resources: Option<usize>,
        /// Feedback answers to add (the backend's default without it).
        #[arg(long, value_name = "N")]
        feedback: Option<usize>,
    },
}

fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let Some(task) = cli.task else {
        Cli::command().print_help().context("cannot print the help")?;
        return Ok(());
    };
    let root = workspace_root()?;
    match task {
        Task::Run { release, backend_args } => run_app(&root, release, &backend_args),
        Task::Test => test::run(&root),
        Task::Contract => test::run_contract(&root),
        Task::BuildFrontend { dev } => frontend::build(&root, !dev).map(|_| ()),
        Task::Openapi => write_openapi(&root),
        Task::Seed {
            schools,
            resources,
            feedback,
        } => {
            let mut args = Vec::new();
            for (flag, value) in [
                ("--schools", schools),
                ("--resources", resources),
                ("--feedback", feedback),
            ] {
                if let Some(value) = value {
                    args.extend([flag.to_owned(), value.to_string()]);
                }
            }
            seed(&root, &args)
        }
        Task::Bench { web: true, .. } => test::bench_web(&root),
        Task::Bench { guard: true, .. } => test::run_guard(&root),
        Task::Bench {
            load: true,
            national,
            keep,
            seconds,
            connections,
            threads,
            ..
        } => load::run(
            &root,
            &load::Options {
                national,
                keep,
                seconds,
                connections,
                threads,
            },
        ),
        Task::Bench { flood, .. } => bench(&root, if flood { "flood" } else { "api" }),
    }
}

/// The workspace root: the parent of this crate's directory. `cargo run` (and so
/// `cargo xtask`) sets `CARGO_MANIFEST_DIR` for the running binary; it is read at run time
/// because a build shared between two checkouts (one `CARGO_TARGET_DIR`) may hold a binary
/// compiled in the other one.
pub fn workspace_root() -> anyhow::Result<PathBuf> {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest
        .parent()
        .map(PathBuf::from)
        .context("xtask has no parent directory")
}

/// The cargo target directory in effect.
pub fn target_dir(root: &std::path::Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

fn run_app(root: &std::path::Path, release: bool, passthrough: &[String]) -> anyhow::Result<()> {
    tools::ensure_wasm_target()?;
    let dist = frontend::build(root, true)?;
    let mut command = process::cargo();
    command
        .current_dir(root)
        .args(["run", "--package", "backend", "--bin", "backend"]);
    if release {
        command.arg("--release");
    }
    command.arg("--").args(passthrough);
    command.env("STATIC_DIR", &dist);
    if std::env::var_os("DEMO_DATA").is_none() {
        command.env("DEMO_DATA", "true");
    }
    if std::env::var_os("LOG_FORMAT").is_none() {
        command.env("LOG_FORMAT", "text");
    }
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // As the container image sets: glibc's per-thread arenas keep freed memory.
        command.env("MALLOC_ARENA_MAX", "2");
    }
    process::run_status(&mut command, "the backend")
}

fn bench(root: &std::path::Path, which: &str) -> anyhow::Result<()> {
    for database in ["sqlite", "postgres"] {
        if database == "postgres" && !tools::postgres_reachable(&tools::postgres_url()) {
            println!(
                "xtask: no PostgreSQL at {}; its bench is skipped",
                tools::postgres_url()
            );
            continue;
        }
        let mut command = process::cargo();
        command
            .current_dir(root)
            .args(["bench", "--package", "tests", "--bench", which])
            .env("TEST_DATABASE", database);
        process::run_status(&mut command, "the bench")?;
    }
    Ok(())
}

fn seed(root: &std::path::Path, args: &[String]) -> anyhow::Result<()> {
    let mut command = process::cargo();
    command.current_dir(root).args([
        "run",
        "--release",
        "--package",
        "backend",
        "--bin",
        "backend",
        "--",
        "seed",
    ]);
    command.args(args);
    if std::env::var_os("LOG_FORMAT").is_none() {
        command.env("LOG_FORMAT", "text");
    }
    process::run_status(&mut command, "the seed")
}

fn write_openapi(root: &std::path::Path) -> anyhow::Result<()> {
    let mut command = process::cargo();
    command.current_dir(root).args([
        "run",
        "--quiet",
        "--package",
        "backend",
        "--bin",
        "backend",
        "--",
        "openapi",
    ]);
    let output = command.output().context("cannot run the backend")?;
    if !output.status.success() {
        bail!(
            "the backend could not print the spec:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let path = root.join("openapi").join("openapi.json");
    std::fs::write(&path, &output.stdout).with_context(|| format!("cannot write {}", path.display()))?;
    println!("wrote {} ({} bytes)", path.display(), output.stdout.len());
    Ok(())
}
