//! The databases and the server of a load run: a seeded database per engine and scale,
//! generated once and kept while the generator and the migrations stay the same; a fresh
//! copy of it for every run; the release server started on that copy.

use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tests::database_url;

/// The signing key of the benchmark's server (any 32+ characters; the run is local).
const JWT_SECRET: &str = "load-bench-secret-long-enough-for-hs256-signing";

/// A database engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// The embedded default.
    Sqlite,
    /// PostgreSQL at `TEST_POSTGRES_URL`.
    Postgres,
}

impl Engine {
    /// The name in tables.
    pub fn label(self) -> &'static str {
        match self {
            Self::Sqlite => "SQLite",
            Self::Postgres => "PostgreSQL",
        }
    }

    /// The name in settings (`LOAD_ENGINE`) and files.
    pub fn key(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

/// How much data the generator makes (`backend seed`).
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// `guard`, `region` or `national`.
    pub name: &'static str,
    /// Schools.
    pub schools: u64,
    /// Resources.
    pub resources: u64,
    /// Feedback answers.
    pub feedback: u64,
}

impl Scale {
    /// The load guard of `cargo xtask test`: a tenth of a region, seeded in seconds.
    pub const GUARD: Self = Self {
        name: "guard",
        schools: 60,
        resources: 2_000,
        feedback: 50_000,
    };
    /// A municipality or region: the generator's defaults.
    pub const REGION: Self = Self {
        name: "region",
        schools: 600,
        resources: 20_000,
        feedback: 500_000,
    };
    /// The whole country.
    pub const NATIONAL: Self = Self {
        name: "national",
        schools: 40_000,
        resources: 1_000_000,
        feedback: 20_000_000,
    };
}

/// What a run needs to know about its surroundings.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The release `backend` binary.
    pub backend: PathBuf,
    /// The workspace root (migrations and the generator are hashed from there).
    pub root: PathBuf,
    /// Where seeded copies and run directories live.
    pub work: PathBuf,
    /// A PostgreSQL server URL with a database to connect to for administration.
    pub postgres: String,
    /// Drop the seeded database after the run (national scale, unless kept).
    pub drop_seed: bool,
}

/// Runs one administrative statement on the server.
pub fn pg_execute(server: &str, sql: &str) {
    let mut conn = PgConnection::establish(server).unwrap_or_else(|err| panic!("PostgreSQL at {server}: {err}"));
    diesel::sql_query(sql)
        .execute(&mut conn)
        .unwrap_or_else(|err| panic!("{sql}: {err}"));
}

fn pg_databases(server: &str, prefix: &str) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        datname: String,
    }
    let mut conn = PgConnection::establish(server).unwrap_or_else(|err| panic!("PostgreSQL at {server}: {err}"));
    let names: Vec<Name> = diesel::sql_query("SELECT datname FROM pg_database WHERE starts_with(datname, $1)")
        .bind::<diesel::sql_types::Text, _>(prefix)
        .load(&mut conn)
        .unwrap_or_else(|err| panic!("cannot list databases: {err}"));
    names.into_iter().map(|name| name.datname).collect()
}

/// A short hash of everything the seeded data depends on: the scale, the generator, the
/// engine's migrations and the read model the generator rebuilds (its code and the
/// dissemination counts it keeps). A change to any of them seeds afresh.
fn seed_key(root: &Path, engine: Engine, scale: Scale) -> String {
    fn files(dir: &Path, into: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                    .collect()
            })
            .unwrap_or_default();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                files(&path, into);
            } else {
                into.push(path);
            }
        }
    }
    let mut inputs = vec![
        root.join("backend/src/seed.rs"),
        root.join("backend/src/db/models/dissemination.rs"),
    ];
    files(&root.join("backend/src/db/read_model"), &mut inputs);
    files(&root.join("backend/migrations").join(engine.key()), &mut inputs);
    let mut hash = hmac_sha256::Hash::new();
    hash.update(format!("{scale:?}"));
    for path in inputs {
        hash.update(path.strip_prefix(root).unwrap_or(&path).to_string_lossy().as_bytes());
        hash.update(std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display())));
    }
    hash.finalize()[..6].iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A fresh copy of the seeded database for one run, removed when dropped.
pub struct RunDatabase {
    /// The run's data directory (SQLite file, uploads, the server's working directory).
    pub dir: PathBuf,
    /// The PostgreSQL database's URL.
    pub url: Option<String>,
    setup: Setup,
    seed: Option<String>,
}

impl RunDatabase {
    /// Seeds (or reuses) the engine's database at this scale and copies it for a run.
    pub fn prepare(setup: &Setup, engine: Engine, scale: Scale) -> Self {
        let key = seed_key(&setup.root, engine, scale);
        let dir = setup.work.join(format!("run-{}", engine.key()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        match engine {
            Engine::Sqlite => {
                let seeded = setup.work.join(format!("seed-sqlite-{}-{key}", scale.name));
                if !seeded.join("innovation.db").is_file() {
                    remove_matching(&setup.work, &format!("seed-sqlite-{}-", scale.name));
                    let loading = setup.work.join(format!("seed-sqlite-{}-{key}.loading", scale.name));
                    std::fs::create_dir_all(&loading).unwrap();
                    seed(setup, &loading, None, scale);
                    std::fs::rename(&loading, &seeded).unwrap();
                } else {
                    println!(
                        "SQLite: reusing the seeded {} database {}",
                        scale.name,
                        seeded.display()
                    );
                }
                for entry in std::fs::read_dir(&seeded).unwrap() {
                    let path = entry.unwrap().path();
                    if path
                        .file_name()
                        .is_some_and(|name| name.to_string_lossy().starts_with("innovation.db"))
                    {
                        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
                    }
                }
                Self {
                    dir,
                    url: None,
                    setup: setup.clone(),
                    seed: None,
                }
            }
            Engine::Postgres => {
                let prefix = format!("bench_seed_{}_", scale.name);
                let name = format!("{prefix}{key}");
                let existing = pg_databases(&setup.postgres, &prefix);
                if existing.contains(&name) {
                    println!("PostgreSQL: reusing the seeded {} database {name}", scale.name);
                } else {
                    for stale in existing {
                        pg_execute(&setup.postgres, &format!("DROP DATABASE {stale} WITH (FORCE)"));
                    }
                    let loading = format!("{name}_loading");
                    pg_execute(&setup.postgres, &format!("CREATE DATABASE {loading}"));
                    seed(setup, &dir, Some(&database_url(&setup.postgres, &loading)), scale);
                    pg_execute(&setup.postgres, &format!("ALTER DATABASE {loading} RENAME TO {name}"));
                }
                let run = format!("bench_run_{}", scale.name);
                let started = Instant::now();
                pg_execute(&setup.postgres, &format!("DROP DATABASE IF EXISTS {run} WITH (FORCE)"));
                pg_execute(
                    &setup.postgres,
                    &format!("CREATE DATABASE {run} TEMPLATE {name} STRATEGY FILE_COPY"),
                );
                println!(
                    "PostgreSQL: copied {name} to {run} in {:.1} s",
                    started.elapsed().as_secs_f64()
                );
                Self {
                    dir,
                    url: Some(database_url(&setup.postgres, &run)),
                    setup: setup.clone(),
                    seed: Some(name),
                }
            }
        }
    }

    /// `backend <args>` on this database.
    pub fn backend(&self) -> Command {
        backend_command(&self.setup, &self.dir, self.url.as_deref())
    }
}

impl Drop for RunDatabase {
    fn drop(&mut self) {
        if let Some(url) = &self.url
            && let Some((_, name)) = url.rsplit_once('/')
        {
            pg_execute(
                &self.setup.postgres,
                &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            );
        }
        if self.setup.drop_seed
            && let Some(seed) = &self.seed
        {
            pg_execute(
                &self.setup.postgres,
                &format!("DROP DATABASE IF EXISTS {seed} WITH (FORCE)"),
            );
            println!("PostgreSQL: dropped the seeded database {seed}");
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn remove_matching(dir: &Path, prefix: &str) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.file_name().to_string_lossy().starts_with(prefix) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// `backend` with the run's settings: its data directory as working directory (so no
/// `.env` of the checkout applies), SQLite there unless a PostgreSQL URL is given.
fn backend_command(setup: &Setup, dir: &Path, url: Option<&str>) -> Command {
    let mut command = Command::new(&setup.backend);
    command
        .current_dir(dir)
        .env("DATA_DIR", dir)
        .env("JWT_SECRET", JWT_SECRET)
        .env("DEMO_DATA", "false")
        .env("LOG_FORMAT", "text");
    match url {
        Some(url) => command.env("DATABASE_URL", url),
        None => command.env_remove("DATABASE_URL"),
    };
    command
}

fn seed(setup: &Setup, dir: &Path, url: Option<&str>, scale: Scale) {
    println!(
        "{}: seeding {} schools, {} resources, {} answers …",
        if url.is_some() { "PostgreSQL" } else { "SQLite" },
        scale.schools,
        scale.resources,
        scale.feedback
    );
    let status = backend_command(setup, dir, url)
        .args(["seed", "--schools", &scale.schools.to_string()])
        .args(["--resources", &scale.resources.to_string()])
        .args(["--feedback", &scale.feedback.to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "backend seed failed ({status})");
}

/// A running release server, stopped when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:<port>`.
    pub address: String,
}

impl Server {
    /// Starts `backend serve` on the run's database with the production defaults (JSON
    /// logs on stderr at `info`, which are discarded; workers and pool as configured; two
    /// malloc arenas, as the container image sets).
    pub fn start(db: &RunDatabase) -> Self {
        let mut command = db.backend();
        command
            .arg("serve")
            .env("HOST", "127.0.0.1")
            .env("PORT", "0")
            .env("LOG_FORMAT", "json")
            .env("MALLOC_ARENA_MAX", "2")
            .env("STATIC_DIR", db.dir.join("no-web-app"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        spawn_announcing(command, "Инновационная площадка: ")
    }

    /// The process id (for its memory).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

/// Spawns a server that prints its address on stdout (after `marker`) and keeps
/// draining its output in a thread.
pub fn spawn_announcing(mut command: Command, marker: &str) -> Server {
    let mut child = command.stdout(Stdio::piped()).spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    let marker = marker.to_owned();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.split_once(&marker).map(|(_, rest)| rest) {
                let address = rest.split_whitespace().next().unwrap_or_default();
                let _ = sender.send(address.trim_end_matches('/').to_owned());
            }
        }
    });
    let address = receiver
        .recv_timeout(Duration::from_secs(120))
        .unwrap_or_else(|_| panic!("{command:?} did not announce its address"));
    Server { child, address }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The process's resident memory and its peak (`VmRSS`, `VmHWM`), in MB.
pub fn memory_mb(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}
