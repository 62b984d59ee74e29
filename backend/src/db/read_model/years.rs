//! Each school's dissemination figures per school year (`school_year_stats`): the
//! registry's columns, its export and a school's dissemination page read them instead of
//! counting the pilots, trainings, events and answers on every request.
//!
//! Every insert, change and delete of a record they count marks its school and the school
//! years it falls in, and which of its figures (`read_model_dirty`, by the triggers of the
//! migration, so no write path can forget it), and [`settle`] — run by every write
//! transaction before it commits — recomputes those figures of the marked rows from the
//! raw rows, each row under its lock, so that two writers of one school's year go one
//! after the other and the second counts the first's records. A row keeps the risks recorded in its year; a year's figure sums the rows up
//! to it (a risk counts in every year from the one it was recorded in).

use crate::db::DbConnection;
use crate::db::models::dissemination::{self, Figures, Parts, Span};
use crate::db::schema::{
    certificates, cohorts, consultations, deliveries, enrolments, events, fair_stands, feedback, pilots,
    read_model_dirty, requests, risks, school_year_stats,
};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::{max, min};
use diesel::prelude::*;
use openapi::events::{EventKind, EventLevel};
use rules::dates::{school_year_bounds, school_year_of};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Schools computed together when many rows are recomputed.
const CHUNK: usize = 500;

/// The school years a mark may name: a record dated outside them (none can be: dates are
/// validated) marks nothing.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// One row of `school_year_stats`: a school's figures for one school year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = school_year_stats, primary_key(org_id, school_year))]
pub struct YearRow {
    /// School.
    pub org_id: i64,
    /// The year the school year begins in.
    pub school_year: i32,
    pilots: i64,
    pilot_sites: i64,
    pilot_pupils: i64,
    risks_open: i64,
    risks_closed: i64,
    cohorts: i64,
    teachers_trained: i64,
    training_hours: i64,
    certificates: i64,
    consultations: i64,
    consultation_participants: i64,
    events_by_kind: String,
    events_by_level: String,
    attendees: i64,
    fair_stands: i64,
    fair_ratings: i64,
    fair_score_sum: i64,
    requests: i64,
    deliveries: i64,
    responses: i64,
    satisfied: i64,
    schools_reached: i64,
}

impl YearRow {
    fn new(org_id: i64, school_year: i32, f: Figures) -> Self {
        Self {
            org_id,
            school_year,
            pilots: f.pilots,
            pilot_sites: f.pilot_sites,
            pilot_pupils: f.pilot_pupils,
            risks_open: f.risks_open,
            risks_closed: f.risks_closed,
            cohorts: f.cohorts,
            teachers_trained: f.teachers_trained,
            training_hours: f.training_hours,
            certificates: f.certificates,
            consultations: f.consultations,
            consultation_participants: f.consultation_participants,
            events_by_kind: encode(f.events_by_kind.iter().map(|(kind, n)| (kind.as_str(), *n))),
            events_by_level: encode(f.events_by_level.iter().map(|(level, n)| (level.as_str(), *n))),
            attendees: f.attendees,
            fair_stands: f.fair_stands,
            fair_ratings: f.fair_ratings,
            fair_score_sum: f.fair_score_sum,
            requests: f.requests,
            deliveries: f.deliveries,
            responses: f.responses,
            satisfied: f.satisfied,
            schools_reached: f.schools_reached,
        }
    }

    /// The row's figures (its risks are its year's only).
    pub fn figures(&self) -> Figures {
        Figures {
            pilots: self.pilots,
            pilot_sites: self.pilot_sites,
            pilot_pupils: self.pilot_pupils,
            risks_open: self.risks_open,
            risks_closed: self.risks_closed,
            cohorts: self.cohorts,
            teachers_trained: self.teachers_trained,
            training_hours: self.training_hours,
            certificates: self.certificates,
            consultations: self.consultations,
            consultation_participants: self.consultation_participants,
            events_by_kind: decode(&self.events_by_kind, EventKind::parse),
            events_by_level: decode(&self.events_by_level, EventLevel::parse),
            attendees: self.attendees,
            fair_stands: self.fair_stands,
            fair_ratings: self.fair_ratings,
            fair_score_sum: self.fair_score_sum,
            requests: self.requests,
            deliveries: self.deliveries,
            responses: self.responses,
            satisfied: self.satisfied,
            schools_reached: self.schools_reached,
        }
    }

    /// Whether the row counts nothing.
    fn is_empty(&self) -> bool {
        *self == Self::new(self.org_id, self.school_year, Figures::default())
    }
}

/// Counts by name as the row stores them: `name=count` pairs joined by `;`.
fn encode<'a>(counts: impl Iterator<Item = (&'a str, i64)>) -> String {
    counts
        .map(|(name, count)| format!("{name}={count}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// The counts [`encode`] stored (a name no longer known is left out).
fn decode<K: Ord>(text: &str, parse: impl Fn(&str) -> Option<K>) -> BTreeMap<K, i64> {
    text.split(';')
        .filter_map(|pair| {
            let (name, count) = pair.split_once('=')?;
            Some((parse(name)?, count.parse().ok()?))
        })
        .collect()
}

/// The figures of the schools `orgs` for the school year beginning in `year` (a school
/// without any is absent): one indexed read of their rows up to that year.
pub fn of_schools(conn: &mut DbConnection, orgs: &[i64], year: i32) -> QueryResult<HashMap<i64, Figures>> {
    let rows: Vec<YearRow> = school_year_stats::table
        .filter(school_year_stats::org_id.eq_any(orgs))
        .filter(school_year_stats::school_year.le(year))
        .select(YearRow::as_select())
        .load(conn)?;
    let mut risks: HashMap<i64, (i64, i64)> = HashMap::new();
    let mut out: HashMap<i64, Figures> = HashMap::new();
    for row in rows {
        let sums = risks.entry(row.org_id).or_default();
        sums.0 += row.risks_open;
        sums.1 += row.risks_closed;
        if row.school_year == year {
            out.insert(row.org_id, row.figures());
        }
    }
    for (org, (open, closed)) in risks {
        let figures = out.entry(org).or_default();
        figures.risks_open = open;
        figures.risks_closed = closed;
    }
    Ok(out)
}

/// Recomputes the figures the current transaction's writes marked (and any mark left by
/// a write that did not settle), in school order, each row under its lock: only the
/// parts a mark names, the others kept as the row has them.
pub fn settle(conn: &mut DbConnection) -> QueryResult<()> {
    let marks: Vec<(i64, i64, i32, i32, i32)> = read_model_dirty::table
        .select((
            read_model_dirty::id,
            read_model_dirty::org_id,
            read_model_dirty::first_year,
            read_model_dirty::last_year,
            read_model_dirty::parts,
        ))
        .load(conn)?;
    if marks.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = marks.iter().map(|mark| mark.0).collect();
    for ids in ids.chunks(CHUNK) {
        diesel::delete(read_model_dirty::table.filter(read_model_dirty::id.eq_any(ids))).execute(conn)?;
    }
    let mut keys: BTreeMap<(i64, i32), Parts> = BTreeMap::new();
    for (_, org, first, last, parts) in marks {
        for year in years(first, last) {
            let marked = keys.entry((org, year)).or_default();
            *marked = marked.with(Parts(parts));
        }
    }
    for &(org, year) in keys.keys() {
        lock(conn, org, year)?;
    }
    for ((year, parts), orgs) in groups(keys) {
        let parts = Parts(parts);
        for orgs in orgs.chunks(CHUNK) {
            let mut counted = dissemination::recorded(conn, orgs, span(year), parts)?;
            let kept: Vec<YearRow> = school_year_stats::table
                .filter(school_year_stats::org_id.eq_any(orgs))
                .filter(school_year_stats::school_year.eq(year))
                .select(YearRow::as_select())
                .load(conn)?;
            for row in kept {
                let mut figures = row.figures();
                dissemination::replace(&mut figures, counted.remove(&row.org_id).unwrap_or_default(), parts);
                let row = YearRow::new(row.org_id, year, figures);
                diesel::update(school_year_stats::table.find((row.org_id, year)))
                    .set(&row)
                    .execute(conn)?;
            }
        }
    }
    Ok(())
}

/// Takes a school year's row (made empty when it is not there yet) for the rest of the
/// transaction: on PostgreSQL the upsert waits for, and then locks, the row another
/// writer holds; on SQLite the write transaction already holds the database.
fn lock(conn: &mut DbConnection, org: i64, year: i32) -> QueryResult<()> {
    use school_year_stats as s;
    let row = (s::org_id.eq(org), s::school_year.eq(year));
    match conn {
        DbConnection::Postgresql(c) => diesel::insert_into(s::table)
            .values(row)
            .on_conflict((s::org_id, s::school_year))
            .do_update()
            .set(s::org_id.eq(diesel::upsert::excluded(s::org_id)))
            .execute(c),
        DbConnection::Sqlite(c) => diesel::insert_into(s::table)
            .values(row)
            .on_conflict((s::org_id, s::school_year))
            .do_nothing()
            .execute(c),
    }
    .map(|_| ())
}

/// The schools of each school year and set of parts among `keys`, to be counted together.
fn groups(keys: impl IntoIterator<Item = ((i64, i32), Parts)>) -> BTreeMap<(i32, i32), Vec<i64>> {
    let mut out: BTreeMap<(i32, i32), Vec<i64>> = BTreeMap::new();
    for ((org, year), parts) in keys {
        out.entry((year, parts.closed().0)).or_default().push(org);
    }
    out
}

/// The days of the school year beginning in `year`.
fn span(year: i32) -> Span {
    let (from, to) = school_year_bounds(year).unwrap_or_default();
    Span { from, to }
}

/// Recomputes every row from the raw rows (the read model's rebuild, and the first start
/// after the table was added): the school years each school has records in, computed a
/// year and a few hundred schools at a time, the rows that count something written.
pub fn rebuild(conn: &mut DbConnection) -> QueryResult<()> {
    diesel::delete(read_model_dirty::table).execute(conn)?;
    diesel::delete(school_year_stats::table).execute(conn)?;
    let every = keys(conn)?.into_iter().map(|key| (key, Parts::ALL));
    for ((year, _), orgs) in groups(every) {
        for orgs in orgs.chunks(CHUNK) {
            let mut figures = dissemination::recorded(conn, orgs, span(year), Parts::ALL)?;
            let rows: Vec<YearRow> = orgs
                .iter()
                .map(|&org| YearRow::new(org, year, figures.remove(&org).unwrap_or_default()))
                .filter(|row| !row.is_empty())
                .collect();
            // Twenty-four values a row: a hundred rows stay within every engine's limit.
            for rows in rows.chunks(100) {
                on_engine!(&mut *conn, c => diesel::insert_into(school_year_stats::table)
                    .values(rows)
                    .execute(c))?;
            }
        }
    }
    Ok(())
}

/// After the migrations: builds the rows when the table is empty (its first start; on a
/// database without records that reads nothing), and recomputes any marks left. Several
/// instances starting at once take turns (a transaction-wide advisory lock on PostgreSQL).
pub fn catch_up(conn: &mut DbConnection) -> QueryResult<()> {
    conn.transaction(|conn| {
        if let DbConnection::Postgresql(c) = conn {
            diesel::sql_query("SELECT pg_advisory_xact_lock(2026120924)").execute(c)?;
        }
        let kept: i64 = school_year_stats::table.count().get_result(conn)?;
        if kept == 0 { rebuild(conn) } else { settle(conn) }
    })
}

/// The school years each school has records in, first and last (the years between them
/// are computed too; those without records come out empty).
fn ranges(conn: &mut DbConnection) -> QueryResult<BTreeMap<i64, (i32, i32)>> {
    let mut out: BTreeMap<i64, (i32, i32)> = BTreeMap::new();
    let mut add = |rows: Vec<(i64, Option<NaiveDate>, Option<NaiveDate>)>| {
        for (org, first, last) in rows {
            if let (Some(first), Some(last)) = (first, last) {
                let (first, last) = (school_year_of(first), school_year_of(last));
                let range = out.entry(org).or_insert((first, last));
                range.0 = range.0.min(first);
                range.1 = range.1.max(last);
            }
        }
    };
    let days = |rows: Vec<(i64, Option<NaiveDateTime>, Option<NaiveDateTime>)>| {
        rows.into_iter()
            .map(|(org, first, last)| (org, first.map(|t| t.date()), last.map(|t| t.date())))
            .collect::<Vec<_>>()
    };
    add(pilots::table
        .group_by(pilots::org_id)
        .select((pilots::org_id, min(pilots::starts_on), max(pilots::ends_on)))
        .load(conn)?);
    add(days(
        risks::table
            .group_by(risks::org_id)
            .select((risks::org_id, min(risks::created_at), max(risks::created_at)))
            .load(conn)?,
    ));
    add(cohorts::table
        .group_by(cohorts::org_id)
        .select((cohorts::org_id, min(cohorts::starts_on), max(cohorts::ends_on)))
        .load(conn)?);
    add(enrolments::table
        .group_by(enrolments::host_org_id)
        .select((
            enrolments::host_org_id,
            min(enrolments::completed_on),
            max(enrolments::completed_on),
        ))
        .load(conn)?);
    add(certificates::table
        .group_by(certificates::org_id)
        .select((
            certificates::org_id,
            min(certificates::issued_on),
            max(certificates::issued_on),
        ))
        .load(conn)?);
    add(consultations::table
        .group_by(consultations::host_org_id)
        .select((
            consultations::host_org_id,
            min(consultations::held_on),
            max(consultations::held_on),
        ))
        .load(conn)?);
    add(events::table
        .group_by(events::org_id)
        .select((events::org_id, min(events::starts_on), max(events::starts_on)))
        .load(conn)?);
    add(fair_stands::table
        .inner_join(events::table)
        .group_by(fair_stands::org_id)
        .select((fair_stands::org_id, min(events::starts_on), max(events::starts_on)))
        .load(conn)?);
    add(days(
        requests::table
            .filter(requests::target_org_id.is_not_null())
            .group_by(requests::target_org_id)
            .select((
                requests::target_org_id.assume_not_null(),
                min(requests::created_at),
                max(requests::created_at),
            ))
            .load(conn)?,
    ));
    add(deliveries::table
        .group_by(deliveries::org_id)
        .select((
            deliveries::org_id,
            min(deliveries::delivered_on),
            max(deliveries::delivered_on),
        ))
        .load(conn)?);
    add(days(
        feedback::table
            .group_by(feedback::org_id)
            .select((feedback::org_id, min(feedback::created_at), max(feedback::created_at)))
            .load(conn)?,
    ));
    Ok(out)
}

/// Every row that counts something, in key order (a row a write emptied equals no row).
pub fn snapshot(conn: &mut DbConnection) -> QueryResult<Vec<YearRow>> {
    let rows: Vec<YearRow> = school_year_stats::table
        .order((school_year_stats::org_id, school_year_stats::school_year))
        .select(YearRow::as_select())
        .load(conn)?;
    Ok(rows.into_iter().filter(|row| !row.is_empty()).collect())
}

/// Every school and school year with records, from each school's first to its last.
pub fn keys(conn: &mut DbConnection) -> QueryResult<BTreeSet<(i64, i32)>> {
    let mut keys = BTreeSet::new();
    for (org, (first, last)) in ranges(conn)? {
        keys.extend(years(first, last).map(|year| (org, year)));
    }
    Ok(keys)
}

/// The school years `first..=last` (within [`YEARS`]).
fn years(first: i32, last: i32) -> std::ops::RangeInclusive<i32> {
    first.max(*YEARS.start())..=last.min(*YEARS.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_by_name_survive_their_text() {
        let mut kinds = BTreeMap::new();
        kinds.insert(EventKind::Seminar, 2);
        kinds.insert(EventKind::Fair, 1);
        let text = encode(kinds.iter().map(|(kind, n)| (kind.as_str(), *n)));
        assert_eq!(decode(&text, EventKind::parse), kinds);
        assert!(decode("", EventKind::parse).is_empty());
        assert_eq!(decode("seminar=3;unknown=4;fair=x", EventKind::parse).len(), 1);
    }
}
