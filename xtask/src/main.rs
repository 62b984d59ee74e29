//! Project tasks, run as `cargo xtask <task>`:
//!
//! - `run [--release] [-- <backend args>]` — build the web app and serve it with the API
//!   on SQLite in `./data` (or `DATABASE_URL`), demo data loaded on first start;
//! - `test` — every check: formatting, clippy, unit tests, the API suite on SQLite and
//!   PostgreSQL, the contract, the wasm build and the browser tests;
//! - `build-frontend [--dev]` — only the web app, into `dist/`;
//! - `openapi` — regenerate `openapi/openapi.json` from the handlers;
//! - `bench` — region-scale latency of the catalogue and the registry on both databases;
//! - `seed [--schools N --resources N --feedback N]` — fill the database at region scale.

mod frontend;
mod process;
mod test;
mod tools;

use anyhow::{Context, bail};
use std::path::PathBuf;

fn main() {
    if let Err(err) = run() {
        eprintln!("\nxtask: error: {err:#}");
        std::process::exit(1);
    }
}

fn run() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let task = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    let root = workspace_root()?;
    match task.as_str() {
        "run" => run_app(&root, &rest),
        "test" => test::run(&root),
        "build-frontend" => frontend::build(&root, !rest.iter().any(|arg| arg == "--dev")).map(|_| ()),
        "openapi" => write_openapi(&root),
        "seed" => seed(&root, &rest),
        "bench" => bench(&root),
        "" | "help" | "--help" | "-h" => {
            println!("{}", USAGE);
            Ok(())
        }
        other => bail!("unknown task `{other}`\n\n{USAGE}"),
    }
}

const USAGE: &str = "usage: cargo xtask <task>
  run [--release] [-- <backend args>]  build the web app and serve it (http://127.0.0.1:8080)
  test                                 run every check and test (SQLite, PostgreSQL, browser)
  build-frontend [--dev]               build the web app into dist/
  openapi                              regenerate openapi/openapi.json
  bench                                region-scale latency of the catalogue and registry, both databases
  seed [--schools N --resources N --feedback N]
                                       fill the database (DATABASE_URL or ./data) at region scale";

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

fn run_app(root: &std::path::Path, args: &[String]) -> anyhow::Result<()> {
    let release = args.iter().any(|arg| arg == "--release");
    let passthrough: Vec<&str> = match args.iter().position(|arg| arg == "--") {
        Some(index) => args[index + 1..].iter().map(String::as_str).collect(),
        None => Vec::new(),
    };
    tools::ensure_wasm_target()?;
    let dist = frontend::build(root, true)?;
    let mut command = process::cargo();
    command
        .current_dir(root)
        .args(["run", "--package", "backend", "--bin", "backend"]);
    if release {
        command.arg("--release");
    }
    command.arg("--").args(&passthrough);
    command.env("STATIC_DIR", &dist);
    if std::env::var_os("DEMO_DATA").is_none() {
        command.env("DEMO_DATA", "true");
    }
    if std::env::var_os("LOG_FORMAT").is_none() {
        command.env("LOG_FORMAT", "text");
    }
    process::run_status(&mut command, "the backend")
}

fn bench(root: &std::path::Path) -> anyhow::Result<()> {
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
            .args(["bench", "--package", "tests", "--bench", "api"])
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
