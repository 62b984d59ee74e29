//! `bench --load`: the release server under concurrent load, on both databases, next to
//! the machine's ceilings. The measuring itself is `tests/bench/load` (a cargo bench);
//! this task makes sure wrk and pgbench are there, builds the release server and passes
//! the settings on.

use crate::{process, tools};
use anyhow::bail;
use std::path::Path;

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
    let mut build = process::cargo();
    build
        .current_dir(root)
        .args(["build", "--release", "--package", "backend", "--bin", "backend"]);
    process::run_status(&mut build, "the release build of the backend")?;
    let mut bench = process::cargo();
    bench
        .current_dir(root)
        .args(["bench", "--package", "tests", "--bench", "load"])
        .env("BENCH_BACKEND", crate::target_dir(root).join("release").join("backend"))
        .env("LOAD_SCALE", if options.national { "national" } else { "region" })
        .env("LOAD_SECONDS", options.seconds.to_string())
        .env("LOAD_CONNECTIONS", options.connections.to_string())
        .env("LOAD_THREADS", options.threads.to_string());
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
