//! `backend seed`: fills a database for measurement, at region scale by default
//! (hundreds of schools, tens of thousands of resources, hundreds of thousands of
//! answers) and up to national scale (40 000 schools, 1 000 000 resources, 20 000 000
//! answers) on PostgreSQL. Rows are generated a chunk at a time and go in with `COPY …
//! FROM STDIN` (binary) on PostgreSQL, as multi-row inserts on SQLite.

use crate::db::DbConnection;
use crate::db::schema::{deliveries, feedback, organisations, projects, resource_versions, resources, users};
use crate::domain::text::search_key;
use anyhow::Context;
use chrono::{NaiveDate, TimeDelta};
use diesel::prelude::*;
use rand::Rng;
use std::time::Instant;

/// How much to generate.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct SeedArgs {
    /// Schools to add.
    #[arg(long, default_value_t = 600)]
    pub schools: usize,
    /// Resources to add, spread over the schools (one project each).
    #[arg(long, default_value_t = 20_000)]
    pub resources: usize,
    /// Feedback answers to add, spread over one delivery per resource.
    #[arg(long, default_value_t = 500_000)]
    pub feedback: usize,
}

/// What was generated.
#[derive(Debug, Default)]
pub struct Seeded {
    /// Rows inserted, over all tables.
    pub rows: usize,
    /// Seconds taken.
    pub seconds: f64,
}

/// Writes one chunk of rows: `COPY` on PostgreSQL, a multi-row insert on SQLite.
macro_rules! insert_chunk {
    ($conn:expr, $table:expr, $rows:expr) => {
        match $conn {
            DbConnection::Postgresql(conn) => diesel::copy_from($table).from_insertable($rows).execute(conn),
            DbConnection::Sqlite(conn) => diesel::insert_into($table).values($rows).execute(conn),
        }
    };
}

/// Rows generated and written at once: a `COPY` on PostgreSQL, a multi-row insert on
/// SQLite (whose 32 766 bound variables fit 2 000 rows of up to 16 columns).
fn chunk_rows(conn: &DbConnection) -> usize {
    match conn {
        DbConnection::Postgresql(_) => 50_000,
        DbConnection::Sqlite(_) => 2_000,
    }
}

/// Generates rows `0..count` with `make` and writes them a chunk at a time with
/// `write`; returns the rows written.
fn generate<R>(
    conn: &mut DbConnection,
    count: usize,
    mut make: impl FnMut(usize) -> R,
    mut write: impl FnMut(&mut DbConnection, &[R]) -> QueryResult<usize>,
) -> QueryResult<usize> {
    let size = chunk_rows(conn);
    let mut written = 0;
    let mut rows = Vec::with_capacity(size.min(count));
    for i in 0..count {
        rows.push(make(i));
        if rows.len() == size || i + 1 == count {
            written += write(conn, &rows)?;
            rows.clear();
        }
    }
    Ok(written)
}

fn ids_after(conn: &mut DbConnection, table: &str, after: i64) -> QueryResult<Vec<i64>> {
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let rows: Vec<Id> =
        diesel::sql_query(format!("SELECT id FROM {table} WHERE id > {after} ORDER BY id")).load(conn)?;
    Ok(rows.into_iter().map(|row| row.id).collect())
}

fn max_id(conn: &mut DbConnection, table: &str) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Max {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
        id: Option<i64>,
    }
    let row: Max = diesel::sql_query(format!("SELECT MAX(id) AS id FROM {table}")).get_result(conn)?;
    Ok(row.id.unwrap_or(0))
}

/// Generates the rows, table by table, in bulk mode, then [`finish`]es.
pub fn run(conn: &mut DbConnection, args: SeedArgs) -> anyhow::Result<Seeded> {
    anyhow::ensure!(
        args.schools > 0 && args.resources > 0,
        "--schools and --resources must be positive"
    );
    let started = Instant::now();
    let rows = {
        let bulk = BulkMode::on(conn);
        generate_all(&mut *bulk.0, args, started)?
    };
    finish(conn)?;
    Ok(Seeded {
        rows,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Generates the rows, table by table; returns how many.
fn generate_all(conn: &mut DbConnection, args: SeedArgs, started: Instant) -> anyhow::Result<usize> {
    let now = crate::db::models::now();
    let mut rng = rand::rng();
    let mut rows = 0;
    let run_tag = uuid::Uuid::new_v4().simple().to_string()[..8].to_owned();
    let step = |table: &str, rows: usize| {
        tracing::info!(table, rows, seconds = started.elapsed().as_secs_f64(), "seeded");
    };

    let first_org = max_id(conn, "organisations")?;
    let written = generate(
        conn,
        args.schools,
        |i| {
            let name = format!("МБОУ «СОШ № {}» (выборка {run_tag})", i + 1);
            let short = format!("СОШ № {} ({run_tag})", i + 1);
            (
                organisations::search.eq(search_key(&[&name, &short])),
                organisations::name_key.eq(name.to_lowercase()),
                organisations::name.eq(name),
                organisations::short_name.eq(short),
                organisations::kind.eq("school"),
                organisations::municipality.eq("Кемеровская область"),
                organisations::created_at.eq(now),
                organisations::updated_at.eq(now),
            )
        },
        |conn, chunk| insert_chunk!(conn, organisations::table, chunk),
    )?;
    step("organisations", written);
    rows += written;
    let org_ids = ids_after(conn, "organisations", first_org)?;

    let first_user = max_id(conn, "users")?;
    let written = generate(
        conn,
        org_ids.len(),
        |i| {
            let org = org_ids[i];
            let email = format!("staff.{org}.{run_tag}@seed.test");
            (
                users::org_id.eq(org),
                users::search.eq(search_key(&["Сотрудник школы", &email])),
                users::email.eq(email),
                users::full_name.eq("Сотрудник школы"),
                users::password_hash.eq("!seeded: cannot sign in"),
                users::is_active.eq(false),
                users::is_platform_admin.eq(false),
                users::locale.eq("ru"),
                users::created_at.eq(now),
                users::updated_at.eq(now),
            )
        },
        |conn, chunk| insert_chunk!(conn, users::table, chunk),
    )?;
    step("users", written);
    rows += written;
    let user_ids = ids_after(conn, "users", first_user)?;

    let first_project = max_id(conn, "projects")?;
    let written = generate(
        conn,
        org_ids.len(),
        |i| {
            let org = org_ids[i];
            let title = format!("Инновационный проект школы {org}");
            (
                projects::org_id.eq(org),
                projects::search.eq(search_key(&[&title])),
                projects::title.eq(title),
                projects::problem.eq("Проблема, выявленная проблемно-ориентированным анализом"),
                projects::origin.eq("own_initiative"),
                projects::level.eq("platform"),
                projects::platform_status.eq(Some("municipal")),
                projects::start_year.eq(2025),
                projects::end_year.eq(2027),
                projects::status.eq("active"),
                projects::created_at.eq(now),
                projects::updated_at.eq(now),
            )
        },
        |conn, chunk| insert_chunk!(conn, projects::table, chunk),
    )?;
    step("projects", written);
    rows += written;
    let project_ids = ids_after(conn, "projects", first_project)?;

    const FORMS: [&str; 3] = ["methodological_development", "training_programme", "material_kit"];
    const TOPICS: [&str; 6] = [
        "математике",
        "истории",
        "физике",
        "литературе",
        "биологии",
        "информатике",
    ];
    let first_resource = max_id(conn, "resources")?;
    let written = generate(
        conn,
        args.resources,
        |i| {
            let school = i % org_ids.len();
            let form = FORMS[i % 3];
            let title = format!("Методический ресурс № {} по {}", i + 1, TOPICS[i % TOPICS.len()]);
            (
                resources::project_id.eq(project_ids[school]),
                resources::org_id.eq(org_ids[school]),
                resources::search.eq(search_key(&[&title])),
                resources::title.eq(title),
                resources::description.eq("Сгенерированный ресурс для измерений"),
                resources::form.eq(form),
                resources::element.eq((form == FORMS[0]).then_some("technology")),
                resources::hours.eq((form == FORMS[1]).then_some(36)),
                resources::programme_format.eq((form == FORMS[1]).then_some("blended")),
                resources::licence.eq("CC BY 4.0"),
                resources::visibility.eq(if i % 2 == 0 { "published" } else { "internal" }),
                resources::stage.eq("satisfaction"),
                resources::created_at.eq(now),
                resources::updated_at.eq(now),
            )
        },
        |conn, chunk| insert_chunk!(conn, resources::table, chunk),
    )?;
    step("resources", written);
    rows += written;
    let resource_ids = ids_after(conn, "resources", first_resource)?;

    let first_version = max_id(conn, "resource_versions")?;
    let written = generate(
        conn,
        resource_ids.len(),
        |i| {
            (
                resource_versions::resource_id.eq(resource_ids[i]),
                resource_versions::number.eq(1),
                resource_versions::kind.eq("product"),
                resource_versions::notes.eq(""),
                resource_versions::authors_json.eq("[]"),
                resource_versions::created_at.eq(now),
            )
        },
        |conn, chunk| insert_chunk!(conn, resource_versions::table, chunk),
    )?;
    step("resource_versions", written);
    rows += written;
    let version_ids = ids_after(conn, "resource_versions", first_version)?;

    // Resource i (of school i mod n) is delivered to another school, the same one as its
    // answers name as the recipient.
    let recipient = |i: usize| {
        let school = i % org_ids.len();
        org_ids[(school + 1 + i / org_ids.len()) % org_ids.len()]
    };
    let first_delivery = max_id(conn, "deliveries")?;
    let day = NaiveDate::from_ymd_opt(2026, 9, 1).context("date")?;
    let written = generate(
        conn,
        resource_ids.len(),
        |i| {
            let school = i % org_ids.len();
            (
                deliveries::resource_id.eq(resource_ids[i]),
                deliveries::version_id.eq(version_ids[i]),
                deliveries::org_id.eq(org_ids[school]),
                deliveries::recipient_org_id.eq(recipient(i)),
                deliveries::delivered_on.eq(day + TimeDelta::days((i % 80) as i64)),
                deliveries::form.eq("handover"),
                deliveries::contact.eq("Контактное лицо"),
                deliveries::created_by.eq(user_ids[school]),
                deliveries::created_at.eq(now),
            )
        },
        |conn, chunk| insert_chunk!(conn, deliveries::table, chunk),
    )?;
    step("deliveries", written);
    rows += written;
    let delivery_ids = ids_after(conn, "deliveries", first_delivery)?;

    let written = generate(
        conn,
        args.feedback,
        |i| {
            let d = i % delivery_ids.len();
            (
                feedback::delivery_id.eq(delivery_ids[d]),
                feedback::resource_id.eq(resource_ids[d]),
                feedback::org_id.eq(org_ids[d % org_ids.len()]),
                feedback::recipient_org_id.eq(recipient(d)),
                feedback::respondent_key.eq(format!("seed:{i}")),
                feedback::respondent_name.eq("Респондент"),
                feedback::csat.eq(rng.random_range(1..=5)),
                feedback::recommend.eq(rng.random_range(0..=10)),
                feedback::ready.eq(rng.random_bool(0.7)),
                feedback::comment.eq(""),
                feedback::via.eq("link"),
                feedback::created_at.eq(now - TimeDelta::minutes((i % 100_000) as i64)),
            )
        },
        |conn, chunk| insert_chunk!(conn, feedback::table, chunk),
    )?;
    step("feedback", written);
    rows += written;
    Ok(rows)
}

/// The connection in bulk mode while this lives: set back on every way out, an error or
/// a panic included, so that a pooled connection never goes back to the pool with the
/// checks off.
struct BulkMode<'a>(&'a mut DbConnection);

impl<'a> BulkMode<'a> {
    fn on(conn: &'a mut DbConnection) -> Self {
        bulk_mode(conn, true);
        Self(conn)
    }
}

impl Drop for BulkMode<'_> {
    fn drop(&mut self) {
        bulk_mode(self.0, false);
    }
}

/// On PostgreSQL, skips the foreign-key checks (and any other trigger: the generated
/// tables have none, and what is derived from them is computed in [`finish`]) while
/// generating — about three quarters of the time `COPY` takes here. Every id the
/// generator writes was read back from rows it inserted, so the checks could not fail.
/// Only a superuser may; anyone else loads with the checks, more slowly. SQLite keeps
/// checking.
fn bulk_mode(conn: &mut DbConnection, on: bool) {
    if let DbConnection::Postgresql(conn) = conn {
        let role = if on { "replica" } else { "DEFAULT" };
        match diesel::sql_query(format!("SET session_replication_role = {role}")).execute(conn) {
            Ok(_) => tracing::info!(session_replication_role = role, "bulk load mode"),
            Err(err) => tracing::info!(%err, "foreign keys stay checked during the load"),
        }
    }
}

/// After the bulk load: on PostgreSQL, `ANALYZE`, so that the planner knows the new
/// sizes at once (autovacuum would only get to it later). Whatever is derived from the
/// raw rows in bulk (a read model's rebuild) is computed here, before it.
fn finish(conn: &mut DbConnection) -> QueryResult<()> {
    crate::db::read_model::rebuild(conn)?;
    if let DbConnection::Postgresql(conn) = conn {
        diesel::sql_query("ANALYZE").execute(conn)?;
    }
    Ok(())
}
