//! The load generators: `wrk` for HTTP, `pgbench` for PostgreSQL's own ceiling.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

/// wrk's settings, the same for every request kind and the ceiling.
#[derive(Debug, Clone)]
pub struct Load {
    /// Threads (`-t`).
    pub threads: u32,
    /// Open connections (`-c`).
    pub connections: u32,
    /// Seconds per request kind (`-d`).
    pub seconds: u32,
    /// Seconds after which an answer counts as a timeout error (`--timeout`).
    pub timeout: u32,
    /// Where the scripts are written.
    pub scripts: PathBuf,
}

/// What one wrk run measured.
#[derive(Debug, Clone, Copy, Default)]
pub struct Measured {
    /// Answers per second (every answer, errors included).
    pub rate: f64,
    /// Median latency, ms.
    pub p50: f64,
    /// 99th percentile latency, ms.
    pub p99: f64,
    /// Answers with a status of 400 or more, plus socket errors (connect, read, write,
    /// timeout: an answer slower than [`Load::timeout`] counts as an error).
    pub errors: u64,
    /// Answers outside 200–299, counted by [`Script::GetCounted`] only (0 otherwise).
    pub non_2xx: u64,
}

const REPORT: &str = include_str!("../wrk/report.lua");
const WRITE: &str = include_str!("../wrk/write.lua");
const STATUS: &str = include_str!("../wrk/status.lua");

/// What wrk sends.
pub enum Script<'a> {
    /// `GET` of the URL.
    Get,
    /// `GET` of the URL, counting every answer outside 200–299 ([`Measured::non_2xx`]).
    GetCounted,
    /// The write mix, with the ids it chooses from.
    Write {
        /// Published resources of other schools.
        resources: &'a [i64],
        /// Other schools.
        schools: &'a [i64],
    },
}

impl Load {
    fn script(&self, name: &str, body: &str) -> PathBuf {
        std::fs::create_dir_all(&self.scripts).unwrap();
        let path = self.scripts.join(name);
        std::fs::write(&path, format!("{body}\n{REPORT}")).unwrap();
        path
    }

    /// Runs wrk against `url` with an optional bearer token.
    pub fn run(&self, url: &str, token: Option<&str>, script: &Script<'_>) -> Measured {
        let mut command = Command::new("wrk");
        command
            .arg(format!("-t{}", self.threads))
            .arg(format!("-c{}", self.connections))
            .arg(format!("-d{}s", self.seconds))
            .arg(format!("--timeout={}s", self.timeout));
        if let Some(token) = token {
            command.args(["-H", &format!("Authorization: Bearer {token}")]);
        }
        match script {
            Script::Get => {
                command.arg("-s").arg(self.script("get.lua", "")).arg(url);
            }
            Script::GetCounted => {
                command.arg("-s").arg(self.script("status.lua", STATUS)).arg(url);
            }
            Script::Write { resources, schools } => {
                command
                    .arg("-s")
                    .arg(self.script("write.lua", WRITE))
                    .arg(url)
                    .arg("--");
                command.args(resources.iter().map(i64::to_string));
                command.arg("schools").args(schools.iter().map(i64::to_string));
            }
        }
        let output = command
            .output()
            .unwrap_or_else(|err| panic!("cannot run wrk (cargo xtask bench --load installs it): {err}"));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "wrk failed ({}): {stdout}{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        parse_summary(&stdout).unwrap_or_else(|| panic!("no wrk-summary line in wrk's output:\n{stdout}"))
    }
}

/// Reads the `wrk-summary key=value …` line that `report.lua` prints.
pub fn parse_summary(output: &str) -> Option<Measured> {
    let line = output.lines().find_map(|line| line.strip_prefix("wrk-summary "))?;
    let values: HashMap<&str, f64> = line
        .split_whitespace()
        .filter_map(|pair| pair.split_once('='))
        .filter_map(|(key, value)| value.parse().ok().map(|value| (key, value)))
        .collect();
    let get = |key: &str| values.get(key).copied();
    let seconds = get("duration_us")? / 1e6;
    let errors = ["status", "connect", "read", "write", "timeout"]
        .iter()
        .map(|key| get(key))
        .sum::<Option<f64>>()?;
    Some(Measured {
        rate: get("requests")? / seconds,
        p50: get("p50_us")? / 1000.0,
        p99: get("p99_us")? / 1000.0,
        errors: errors as u64,
        non_2xx: get("non2xx").unwrap_or(0.0) as u64,
    })
}

/// PostgreSQL's ceiling: `pgbench -S -M prepared -c 16 -j 2` (single-row reads by primary
/// key, prepared) on a scratch database initialised by `pgbench -i`, for `seconds`.
/// Returns transactions per second.
pub fn pgbench(server: &str, seconds: u32) -> f64 {
    let name = "bench_pgbench_ceiling";
    let url = tests::database_url(server, name);
    crate::data::pg_execute(server, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    crate::data::pg_execute(server, &format!("CREATE DATABASE {name}"));
    let run = |args: &[&str]| {
        let output = Command::new("pgbench")
            .args(args)
            .arg(&url)
            .output()
            .unwrap_or_else(|err| panic!("cannot run pgbench (Debian: the `postgresql` package): {err}"));
        let text = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(
            output.status.success(),
            "pgbench {args:?} failed: {text}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        text
    };
    run(&["-i", "-q"]);
    let seconds = seconds.to_string();
    let output = run(&["-S", "-M", "prepared", "-c", "16", "-j", "2", "-T", &seconds]);
    crate::data::pg_execute(server, &format!("DROP DATABASE {name} WITH (FORCE)"));
    parse_tps(&output).unwrap_or_else(|| panic!("no tps in pgbench's output:\n{output}"))
}

/// `tps = 38123.4 (without initial connection time)` → 38123.4.
pub fn parse_tps(output: &str) -> Option<f64> {
    output
        .lines()
        .find_map(|line| line.trim().strip_prefix("tps = "))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|tps| tps.parse().ok())
}
