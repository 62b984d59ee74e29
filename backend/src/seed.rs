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
/// SQLite (whose 32 766 bound variables fit 1 000 rows of up to 32 columns: an event
/// has more than 16).
fn chunk_rows(conn: &DbConnection) -> usize {
    match conn {
        DbConnection::Postgresql(_) => 50_000,
        DbConnection::Sqlite(_) => 1_000,
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
    // Answer i is about delivery i mod n, by the (i div n)-th teacher of its recipient
    // school, through a link that school issued: distinct e-mails per delivery, as many
    // links as answers, within the people each delivery reached.
    let deliveries_made = resource_ids.len();
    let answers_of = |d: usize| args.feedback / deliveries_made + usize::from(d < args.feedback % deliveries_made);
    let reached = answers_of(0).max(1);
    anyhow::ensure!(
        openapi::limits::DELIVERY_RECIPIENTS.contains(i64::try_from(reached)?),
        "--feedback gives {reached} answers per delivery; a delivery reaches at most {} people",
        openapi::limits::DELIVERY_RECIPIENTS.max
    );
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
                deliveries::recipients.eq(reached as i32),
                deliveries::feedback_links_issued.eq(answers_of(i) as i32),
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
            let email = format!("teacher{}@org{}.seed", i / delivery_ids.len(), recipient(d));
            (
                feedback::delivery_id.eq(delivery_ids[d]),
                feedback::resource_id.eq(resource_ids[d]),
                feedback::org_id.eq(org_ids[d % org_ids.len()]),
                feedback::recipient_org_id.eq(recipient(d)),
                feedback::respondent_key.eq(format!("email:{email}")),
                feedback::respondent_email.eq(email),
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
    let world = World {
        org_ids: &org_ids,
        user_ids: &user_ids,
        project_ids: &project_ids,
        resource_ids: &resource_ids,
        version_ids: &version_ids,
        now,
        day,
    };
    rows += generate_dissemination(conn, &world, &step)?;
    Ok(rows)
}

/// What the dissemination generator builds on: the generated schools (one account
/// each), projects, resources (resource `i` of school `i mod n`) and versions.
struct World<'a> {
    org_ids: &'a [i64],
    user_ids: &'a [i64],
    project_ids: &'a [i64],
    resource_ids: &'a [i64],
    version_ids: &'a [i64],
    now: chrono::NaiveDateTime,
    day: NaiveDate,
}

impl World<'_> {
    /// The school `k` places after school `school`.
    fn neighbour(&self, school: usize, k: usize) -> usize {
        (school + k) % self.org_ids.len()
    }
}

/// Pilots (one per four resources, in their school and the next) with a risk each, a
/// risk per project, training cohorts (one per other training programme) with ten
/// enrolments from the next schools, the first six completed; three consultations per
/// school for the next schools; four events per school (a seminar open to the city with
/// ten registrations, every other one attended, an open lesson, a master class, a
/// conference taken part in); and a fair per fifty schools where each school has one
/// stand rated by the accounts of the five schools after it, registered for the fair. With fewer schools, each record names as many other schools as
/// there are. Certificates are not generated: their numbers belong to the schools'
/// counters.
fn generate_dissemination(
    conn: &mut DbConnection,
    w: &World<'_>,
    step: &impl Fn(&str, usize),
) -> anyhow::Result<usize> {
    use crate::db::schema::{
        cohorts, consultations, enrolments, event_registrations, events, fair_stands, pilot_sites, pilots, risks,
        stand_ratings,
    };
    let schools = w.org_ids.len();
    let mut rows = 0;
    // Every record reaches other schools: with fewer than two there are none to reach.
    if schools < 2 {
        return Ok(rows);
    }
    // As many other schools as there are, up to the number each record names.
    let others = |wanted: usize| wanted.min(schools - 1);

    let piloted: Vec<usize> = (0..w.resource_ids.len()).step_by(4).collect();
    let first_pilot = max_id(conn, "pilots")?;
    let written = generate(
        conn,
        piloted.len(),
        |p| {
            let i = piloted[p];
            let starts_on = w.day + TimeDelta::days((i % 120) as i64);
            (
                pilots::org_id.eq(w.org_ids[i % schools]),
                pilots::resource_id.eq(w.resource_ids[i]),
                pilots::version_id.eq(w.version_ids[i]),
                pilots::starts_on.eq(starts_on),
                pilots::ends_on.eq(starts_on + TimeDelta::days(60)),
                pilots::teachers.eq(3),
                pilots::classes.eq("5А, 6Б"),
                pilots::pupils.eq(20 + (i % 40) as i32),
                pilots::method.eq("Уроки по ресурсу, анкетирование учащихся"),
                pilots::interim_results.eq(""),
                pilots::final_results.eq(""),
                pilots::created_at.eq(w.now),
                pilots::updated_at.eq(w.now),
            )
        },
        |conn, chunk| insert_chunk!(conn, pilots::table, chunk),
    )?;
    step("pilots", written);
    rows += written;
    let pilot_ids = ids_after(conn, "pilots", first_pilot)?;
    let written = generate(
        conn,
        pilot_ids.len() * 2,
        |n| {
            let (p, second) = (n / 2, n % 2 == 1);
            let school = piloted[p] % schools;
            let site = if second { w.neighbour(school, 1) } else { school };
            (
                pilot_sites::pilot_id.eq(pilot_ids[p]),
                pilot_sites::org_id.eq(w.org_ids[site]),
                pilot_sites::position.eq(i32::from(second)),
            )
        },
        |conn, chunk| insert_chunk!(conn, pilot_sites::table, chunk),
    )?;
    step("pilot_sites", written);
    rows += written;

    const RISK_STATUSES: [&str; 4] = ["open", "mitigated", "occurred", "closed"];
    let written = generate(
        conn,
        pilot_ids.len() + w.project_ids.len(),
        |n| {
            let (school, pilot, project) = if n < pilot_ids.len() {
                (piloted[n] % schools, Some(pilot_ids[n]), None)
            } else {
                let k = n - pilot_ids.len();
                (k, None, Some(w.project_ids[k]))
            };
            let (likelihood, impact) = (1 + (n % 5) as i32, 1 + (n / 5 % 5) as i32);
            (
                risks::org_id.eq(w.org_ids[school]),
                risks::project_id.eq(project),
                risks::pilot_id.eq(pilot),
                risks::title.eq("Перегрузка педагогов"),
                risks::category.eq("staffing"),
                risks::likelihood.eq(likelihood),
                risks::impact.eq(impact),
                risks::score.eq(likelihood * impact),
                risks::mitigation.eq("Распределить темы между членами творческой группы"),
                risks::owner_id.eq(w.user_ids[school]),
                risks::status.eq(RISK_STATUSES[n % 4]),
                risks::created_at.eq(w.now),
                risks::updated_at.eq(w.now),
            )
        },
        |conn, chunk| insert_chunk!(conn, risks::table, chunk),
    )?;
    step("risks", written);
    rows += written;

    // Resource i is a training programme when i mod 3 = 1; every other one runs a cohort.
    let programmes: Vec<usize> = (1..w.resource_ids.len()).step_by(6).collect();
    let first_cohort = max_id(conn, "cohorts")?;
    let written = generate(
        conn,
        programmes.len(),
        |c| {
            let i = programmes[c];
            let starts_on = w.day + TimeDelta::days((i % 90) as i64);
            (
                cohorts::org_id.eq(w.org_ids[i % schools]),
                cohorts::resource_id.eq(w.resource_ids[i]),
                cohorts::title.eq(format!("Поток {}", c + 1)),
                cohorts::starts_on.eq(starts_on),
                cohorts::ends_on.eq(starts_on + TimeDelta::days(30)),
                cohorts::format.eq("blended"),
                cohorts::hours.eq(36),
                cohorts::capacity.eq(25),
                cohorts::place.eq("Актовый зал"),
                cohorts::online_link.eq(""),
                cohorts::trainers.eq("[\"Тренер\"]"),
                cohorts::created_at.eq(w.now),
                cohorts::updated_at.eq(w.now),
            )
        },
        |conn, chunk| insert_chunk!(conn, cohorts::table, chunk),
    )?;
    step("cohorts", written);
    rows += written;
    let cohort_ids = ids_after(conn, "cohorts", first_cohort)?;
    let enrolled = others(10);
    let written = generate(
        conn,
        cohort_ids.len() * enrolled,
        |n| {
            let (c, k) = (n / enrolled, n % enrolled);
            let host = programmes[c] % schools;
            let learner = w.neighbour(host, k + 1);
            let completed = k < 6;
            (
                enrolments::cohort_id.eq(cohort_ids[c]),
                enrolments::host_org_id.eq(w.org_ids[host]),
                enrolments::user_id.eq(w.user_ids[learner]),
                enrolments::user_org_id.eq(w.org_ids[learner]),
                enrolments::status.eq(if completed { "completed" } else { "enrolled" }),
                enrolments::enrolled_by.eq(w.user_ids[learner]),
                enrolments::enrolled_at.eq(w.now),
                enrolments::queued_at.eq(w.now),
                enrolments::completed_on.eq(completed.then(|| w.day + TimeDelta::days(40))),
                enrolments::completed_by.eq(completed.then_some(w.user_ids[host])),
                enrolments::hours.eq(completed.then_some(36)),
                enrolments::updated_at.eq(w.now),
            )
        },
        |conn, chunk| insert_chunk!(conn, enrolments::table, chunk),
    )?;
    step("enrolments", written);
    rows += written;

    let consulted = others(3);
    let written = generate(
        conn,
        schools * consulted,
        |n| {
            let (school, k) = (n / consulted, n % consulted);
            let topic = format!("Методическая поддержка № {}", k + 1);
            (
                consultations::host_org_id.eq(w.org_ids[school]),
                consultations::recipient_org_id.eq(w.org_ids[w.neighbour(school, k + 1)]),
                consultations::search.eq(search_key(&[&topic])),
                consultations::topic.eq(topic),
                consultations::question.eq("Как внедрить ресурс в 5–6 классах"),
                consultations::status.eq("held"),
                consultations::held_on.eq(Some(w.day + TimeDelta::days((n % 100) as i64))),
                consultations::form.eq(Some("online")),
                consultations::place.eq(""),
                consultations::consultants.eq("[]"),
                consultations::participants.eq(""),
                consultations::participant_count.eq(Some(4)),
                consultations::outcome.eq("План внедрения согласован"),
                consultations::follow_ups.eq("[]"),
                consultations::created_at.eq(w.now),
                consultations::updated_at.eq(w.now),
            )
        },
        |conn, chunk| insert_chunk!(conn, consultations::table, chunk),
    )?;
    step("consultations", written);
    rows += written;

    // Per school: a seminar open to the city, an open lesson, a master class, a
    // conference taken part in; and a fair for every fifty schools, by the first of them.
    const KINDS: [(&str, &str, &str); 4] = [
        ("seminar", "municipal", "organiser"),
        ("open_lesson", "school", "organiser"),
        ("master_class", "municipal", "organiser"),
        ("conference", "regional", "participant"),
    ];
    let fairs = schools.div_ceil(50);
    let first_event = max_id(conn, "events")?;
    let written = generate(
        conn,
        schools * KINDS.len() + fairs,
        |n| {
            let (school, kind, level, role) = if n < schools * KINDS.len() {
                let (kind, level, role) = KINDS[n % KINDS.len()];
                (n / KINDS.len(), kind, level, role)
            } else {
                ((n - schools * KINDS.len()) * 50, "fair", "municipal", "organiser")
            };
            // Seminars are open to the city with 40 places; fairs with 100, for their raters.
            let places = match kind {
                "seminar" => Some(40),
                "fair" => Some(100),
                _ => None,
            };
            let title = format!("Мероприятие «{kind}» школы {}", w.org_ids[school]);
            let starts_on = w.day + TimeDelta::days((n % 200) as i64);
            (
                events::org_id.eq(w.org_ids[school]),
                events::role.eq(role),
                events::organiser_name.eq(if role == "participant" {
                    "Областной институт"
                } else {
                    ""
                }),
                events::kind.eq(kind),
                events::level.eq(level),
                events::search.eq(search_key(&[&title])),
                events::title.eq(title),
                events::description.eq(""),
                events::starts_on.eq(starts_on),
                events::ends_on.eq(starts_on),
                events::time_text.eq("15:00"),
                events::place.eq("Актовый зал"),
                events::online_url.eq(""),
                events::speakers.eq(""),
                events::open_to_city.eq(places.is_some()),
                events::capacity.eq(places),
                events::status.eq("published"),
                events::created_at.eq(w.now),
                events::updated_at.eq(w.now),
            )
        },
        |conn, chunk| insert_chunk!(conn, events::table, chunk),
    )?;
    step("events", written);
    rows += written;
    let event_ids = ids_after(conn, "events", first_event)?;
    // Each seminar registers the accounts of the ten schools after its own, every other
    // one attended. Only visitors registered for a fair rate its stands: each fair
    // registers the accounts of the schools that rate its stands (the five after each),
    // once each, all attended.
    let registered = others(10);
    let raters = others(5);
    let seminar_visitors = (0..schools * registered).map(|n| {
        let (school, k) = (n / registered, n % registered);
        (school * KINDS.len(), w.neighbour(school, k + 1), k % 2 == 0)
    });
    let fair_visitors = (0..fairs).flat_map(|fair| {
        let stands = (fair * 50)..schools.min(fair * 50 + 50);
        let mut visitors: Vec<usize> = stands
            .flat_map(|school| (1..=raters).map(move |k| w.neighbour(school, k)))
            .collect();
        visitors.sort_unstable();
        visitors.dedup();
        visitors
            .into_iter()
            .map(move |visitor| (schools * KINDS.len() + fair, visitor, true))
    });
    let visitors: Vec<(usize, usize, bool)> = seminar_visitors.chain(fair_visitors).collect();
    let written = generate(
        conn,
        visitors.len(),
        |n| {
            let (event, visitor, attended) = visitors[n];
            (
                event_registrations::event_id.eq(event_ids[event]),
                event_registrations::user_id.eq(w.user_ids[visitor]),
                event_registrations::org_id.eq(w.org_ids[visitor]),
                event_registrations::status.eq("confirmed"),
                event_registrations::code.eq(format!("S{n:07}")),
                event_registrations::attended.eq(attended),
                event_registrations::created_at.eq(w.now),
                event_registrations::updated_at.eq(w.now),
            )
        },
        |conn, chunk| insert_chunk!(conn, event_registrations::table, chunk),
    )?;
    step("event_registrations", written);
    rows += written;
    let first_stand = max_id(conn, "fair_stands")?;
    let written = generate(
        conn,
        schools,
        |school| {
            (
                fair_stands::event_id.eq(event_ids[schools * KINDS.len() + school / 50]),
                fair_stands::org_id.eq(w.org_ids[school]),
                fair_stands::title.eq("Стенд школы"),
                fair_stands::description.eq(""),
                fair_stands::created_at.eq(w.now),
            )
        },
        |conn, chunk| insert_chunk!(conn, fair_stands::table, chunk),
    )?;
    step("fair_stands", written);
    rows += written;
    let stand_ids = ids_after(conn, "fair_stands", first_stand)?;
    let written = generate(
        conn,
        stand_ids.len() * raters,
        |n| {
            let (school, k) = (n / raters, n % raters);
            (
                stand_ratings::stand_id.eq(stand_ids[school]),
                stand_ratings::user_id.eq(w.user_ids[w.neighbour(school, k + 1)]),
                stand_ratings::score.eq(1 + ((school + k) % 5) as i32),
                stand_ratings::created_at.eq(w.now),
                stand_ratings::updated_at.eq(w.now),
            )
        },
        |conn, chunk| insert_chunk!(conn, stand_ratings::table, chunk),
    )?;
    step("stand_ratings", written);
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

/// After the bulk load: `ANALYZE` (on PostgreSQL `VACUUM (ANALYZE)`, so that the
/// index-only scans of the lists find every page visible at once), so that the planner
/// knows the new sizes at once: autovacuum would only get to it later, and SQLite's
/// planner without statistics drives a filtered search through whole rows instead of
/// covering indexes (41 ms instead of 4 for a search with a level at region scale).
/// Whatever is derived from the
/// raw rows in bulk (a read model's rebuild) is computed here, before it.
fn finish(conn: &mut DbConnection) -> QueryResult<()> {
    crate::db::read_model::rebuild(conn)?;
    match conn {
        DbConnection::Postgresql(conn) => diesel::sql_query("VACUUM (ANALYZE)").execute(conn)?,
        DbConnection::Sqlite(conn) => diesel::sql_query("ANALYZE").execute(conn)?,
    };
    Ok(())
}
