//! A sign-in flood against a release server, while a signed-in user reads `GET /api/me`.
//!
//! `cargo xtask bench --flood` runs this (SQLite, and PostgreSQL when reachable). The
//! application is built with the bench (release) profile and served as in production
//! (one HTTP worker per core, ten pooled connections). Loopback only: every request goes
//! to 127.0.0.1, and the flood's connections come from other loopback addresses
//! (127.0.0.0/8), which the server's per-address limits see as other clients.
//!
//! Three phases of `FLOOD_SECONDS` each (default 10):
//!
//! 1. quiet: `GET /api/me` one request after another;
//! 2. one-address flood: `FLOOD_CLIENTS` (default 48) concurrent connections from one
//!    address send sign-ins with random e-mails, as fast as answered — the per-address
//!    limit answers most of them `429` at once;
//! 3. many-address flood: the same, but every sign-in from a fresh address, so that no
//!    per-address limit applies and every attempt costs a password verification — the
//!    worst case for the bounded hashing gate.
//!
//! Printed per phase: p50/p99 of `GET /api/me` (and how many were not 200), and the
//! flood's rate with its answers by status.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark: failing loudly is right"
)]

use openapi::users::Role;
use reqwest::StatusCode;
use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::{Duration, Instant};
use tests::fixtures::{PASSWORD, TestOrg, TestUser};
use tests::{Database, env_or, spawn_app_sized};

/// Latencies of `GET /api/me` (ms) and how many answers were not 200, one request after
/// another until `stop`.
async fn read_me(address: String, token: String, stop: Arc<AtomicBool>) -> (Vec<f64>, usize) {
    let client = reqwest::Client::new();
    let (mut times, mut failed) = (Vec::new(), 0);
    while !stop.load(Ordering::Relaxed) {
        let started = Instant::now();
        let reply = client
            .get(format!("{address}/api/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        let ok = reply.status() == StatusCode::OK;
        let _ = reply.bytes().await;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        failed += usize::from(!ok);
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    (times, failed)
}

/// One flooding connection: sign-ins with random e-mails until `stop`; from `from` when
/// given, otherwise from a fresh loopback address for every request.
async fn flood(
    address: String,
    from: Option<IpAddr>,
    next: Arc<AtomicU32>,
    stop: Arc<AtomicBool>,
) -> BTreeMap<u16, u64> {
    let fixed = from.map(|ip| reqwest::Client::builder().local_address(ip).build().unwrap());
    let mut statuses = BTreeMap::new();
    while !stop.load(Ordering::Relaxed) {
        let n = next.fetch_add(1, Ordering::Relaxed);
        let client = match &fixed {
            Some(client) => client.clone(),
            None => {
                // 127.1.0.0 onwards: never 127.0.0.1, where the reader is.
                let ip = Ipv4Addr::from(0x7f01_0000 + (n % 0x00fe_ffff));
                reqwest::Client::builder()
                    .local_address(IpAddr::V4(ip))
                    .build()
                    .unwrap()
            }
        };
        let reply = client
            .post(format!("{address}/api/auth/login"))
            .json(&serde_json::json!({"email": format!("flood-{n}@nowhere.test"), "password": "guess-guess"}))
            .send()
            .await;
        let status = match reply {
            Ok(reply) => {
                let status = reply.status().as_u16();
                let _ = reply.bytes().await;
                status
            }
            Err(_) => 0,
        };
        *statuses.entry(status).or_default() += 1;
    }
    statuses
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let seconds = env_or("FLOOD_SECONDS", 10);
    let clients = env_or("FLOOD_CLIENTS", 48);
    let engine = match Database::selected() {
        Database::Sqlite => "SQLite",
        Database::Postgres => "PostgreSQL",
    };
    let app = spawn_app_sized(None, 10).await;
    let school = TestOrg::school("СОШ № 1").create(&app);
    let user = TestUser::new(school, &[Role::Staff]).create(&app);
    let token = app.login(&user.email, PASSWORD).await.access_token;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!(
        "{engine}: release server, {cores} cores, {} hashing permits; {clients} flooding connections, {seconds} s per phase",
        app.state.hashing.size()
    );

    for phase in ["quiet", "one-address flood", "many-address flood"] {
        let stop = Arc::new(AtomicBool::new(false));
        let next = Arc::new(AtomicU32::new(0));
        let from = match phase {
            "one-address flood" => Some(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2))),
            _ => None,
        };
        let floods: Vec<_> = if phase == "quiet" {
            Vec::new()
        } else {
            (0..clients)
                .map(|_| tokio::spawn(flood(app.address.clone(), from, next.clone(), stop.clone())))
                .collect()
        };
        let reader = tokio::spawn(read_me(app.address.clone(), token.clone(), stop.clone()));
        let started = Instant::now();
        tokio::time::sleep(Duration::from_secs(seconds)).await;
        stop.store(true, Ordering::Relaxed);
        let (mut times, failed) = reader.await.unwrap();
        let mut statuses: BTreeMap<u16, u64> = BTreeMap::new();
        for flood in floods {
            for (status, count) in flood.await.unwrap() {
                *statuses.entry(status).or_default() += count;
            }
        }
        let elapsed = started.elapsed().as_secs_f64();
        times.sort_by(f64::total_cmp);
        println!(
            "{engine}: {phase:<19} GET /api/me p50 {:7.2} ms  p99 {:7.2} ms  (n={}, not 200: {failed})",
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            times.len()
        );
        if !statuses.is_empty() {
            let total: u64 = statuses.values().sum();
            let by_status: Vec<String> = statuses.iter().map(|(s, n)| format!("{s}: {n}")).collect();
            println!(
                "{engine}: {phase:<19} flood {:.0} sign-ins/s ({total} in {elapsed:.1} s; {})",
                total as f64 / elapsed,
                by_status.join(", ")
            );
        }
        // Let the in-flight sign-ins drain before the next phase.
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
}
