//! The read model: the figures lists show, kept per resource (`resource_stats`), per school
//! (`school_stats`), with the schools reached (`resource_adopters`, `school_adopters`), the
//! people who answered (`resource_respondents`, `school_respondents`), the list totals
//! (`list_counts`) with the catalogue's per range of ids (`list_buckets`), and each school's dissemination figures per school year
//! ([`years`]).
//!
//! The model functions that write answers, requests, deliveries, resources, projects and
//! organisations call the `on_…` functions below in their own transaction, so a list
//! reads one row per item instead of aggregating the answers. Counters move by atomic
//! `x = x + n` updates, one statement per row a write touches (the callers pass the
//! school they already know): concurrent writers never lose an increment. [`rebuild`]
//! recomputes everything from the raw rows; whoever inserts raw rows in bulk (the
//! region-scale seed, a bulk loader) calls it afterwards.

use crate::db::DbConnection;
use crate::db::schema::{
    list_buckets, list_counts, resource_adopters, resource_respondents, resource_stats, resources, school_adopters,
    school_respondents, school_stats,
};
use crate::domain::metrics::{Counts, Response, Scope, Tally, to_metrics};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use openapi::feedback::Metrics;
use openapi::{OrganisationId, ProjectId, ResourceId};
use std::collections::HashMap;

/// The statements that recompute the read model (the migration's backfill, after
/// emptying the tables).
const REBUILD: &str = include_str!("rebuild.sql");

/// Recomputes the whole read model from the raw rows, in one transaction.
pub fn rebuild(conn: &mut DbConnection) -> QueryResult<()> {
    conn.transaction(|conn| {
        conn.batch_execute(REBUILD)?;
        years::rebuild(conn)
    })
}

/// Runs the same diesel statement on whichever engine the connection is, for what the
/// connection over both engines does not offer (`ON CONFLICT`).
macro_rules! on_engine {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            DbConnection::Postgresql($c) => $body,
            DbConnection::Sqlite($c) => $body,
        }
    };
}

pub mod years;

/// Adds a change of a resource's figures to its row; its school's share is the caller's
/// to write with the school's other changes.
fn apply(conn: &mut DbConnection, resource: i64, d: Figures) -> QueryResult<()> {
    use resource_stats as r;
    diesel::update(r::table.find(resource))
        .set((
            r::responses.eq(r::responses + d.responses),
            r::by_link.eq(r::by_link + d.by_link),
            r::satisfied.eq(r::satisfied + d.satisfied),
            r::promoters.eq(r::promoters + d.promoters),
            r::passives.eq(r::passives + d.passives),
            r::detractors.eq(r::detractors + d.detractors),
            r::ready.eq(r::ready + d.ready),
            r::requests.eq(r::requests + d.requests),
            r::deliveries.eq(r::deliveries + d.deliveries),
            r::adopting_schools.eq(r::adopting_schools + d.adopting_schools),
            r::respondents.eq(r::respondents + d.respondents),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Adds a change to a school's row (`d.org_id` names the school; every other field is
/// added to its column), in one statement.
fn add_to_school(conn: &mut DbConnection, d: &SchoolStats) -> QueryResult<()> {
    use school_stats as s;
    diesel::update(s::table.find(d.org_id))
        .set((
            s::projects.eq(s::projects + d.projects),
            s::active_projects.eq(s::active_projects + d.active_projects),
            s::resources.eq(s::resources + d.resources),
            s::published_resources.eq(s::published_resources + d.published_resources),
            s::requests_received.eq(s::requests_received + d.requests_received),
            s::responses.eq(s::responses + d.responses),
            s::by_link.eq(s::by_link + d.by_link),
            s::satisfied.eq(s::satisfied + d.satisfied),
            s::promoters.eq(s::promoters + d.promoters),
            s::passives.eq(s::passives + d.passives),
            s::detractors.eq(s::detractors + d.detractors),
            s::ready.eq(s::ready + d.ready),
            s::requests.eq(s::requests + d.requests),
            s::deliveries.eq(s::deliveries + d.deliveries),
            s::adoptions.eq(s::adoptions + d.adoptions),
            s::adopting_schools.eq(s::adopting_schools + d.adopting_schools),
            s::respondents.eq(s::respondents + d.respondents),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The changes one write makes to schools' rows, gathered so that each school's row is
/// updated once.
#[derive(Debug, Default)]
struct SchoolChanges(Vec<SchoolStats>);

impl SchoolChanges {
    /// The change of one school's row, to add to.
    fn of(&mut self, org: i64) -> &mut SchoolStats {
        let index = match self.0.iter().position(|change| change.org_id == org) {
            Some(index) => index,
            None => {
                self.0.push(SchoolStats {
                    org_id: org,
                    ..SchoolStats::default()
                });
                self.0.len() - 1
            }
        };
        &mut self.0[index]
    }

    /// Writes each school's change that moves something: one statement per school.
    fn write(self, conn: &mut DbConnection) -> QueryResult<()> {
        for change in self.0 {
            let nothing = SchoolStats {
                org_id: change.org_id,
                ..SchoolStats::default()
            };
            if change != nothing {
                add_to_school(conn, &change)?;
            }
        }
        Ok(())
    }
}

/// Moves a list total by `delta`, creating it at its first row.
fn count(conn: &mut DbConnection, name: &str, delta: i64) -> QueryResult<()> {
    use list_counts as c;
    on_engine!(conn, c_ => diesel::insert_into(c::table)
        .values((c::name.eq(name), c::total.eq(delta)))
        .on_conflict(c::name)
        .do_update()
        .set(c::total.eq(c::total + delta))
        .execute(c_))
    .map(|_| ())
}

/// The ids a row of `list_buckets` counts: `id / BUCKET` names the range.
pub const BUCKET: i64 = 256;

/// Moves a list total and the total of the range of ids `resource` lies in by `delta`.
fn count_resource(conn: &mut DbConnection, name: &str, resource: i64, delta: i64) -> QueryResult<()> {
    count(conn, name, delta)?;
    count_range(conn, name, resource / BUCKET, delta)
}

/// Moves the total of one range of ids of a list by `delta`, creating it at its first row.
fn count_range(conn: &mut DbConnection, name: &str, bucket: i64, delta: i64) -> QueryResult<()> {
    use list_buckets as b;
    on_engine!(conn, c_ => diesel::insert_into(b::table)
        .values((b::name.eq(name), b::bucket.eq(bucket), b::total.eq(delta)))
        .on_conflict((b::name, b::bucket))
        .do_update()
        .set(b::total.eq(b::total + delta))
        .execute(c_))
    .map(|_| ())
}

/// Where a list's row number `offset` (from the newest, counting from 0) lies: the id
/// the rows from it are below and how many of them come before it there; `None` when
/// the list is shorter. Reads the ranges' totals newest first, a batch at a time, until
/// they add up past `offset`: a deep page costs a few dozen small rows, not the skipped
/// ones (decision 37).
pub fn seek(conn: &mut DbConnection, name: &str, offset: i64) -> QueryResult<Option<(i64, i64)>> {
    use list_buckets as b;
    const BATCH: i64 = 128;
    let (mut skipped, mut below) = (0, i64::MAX);
    loop {
        let ranges: Vec<(i64, i64)> = b::table
            .filter(b::name.eq(name))
            .filter(b::bucket.lt(below))
            .order(b::bucket.desc())
            .select((b::bucket, b::total))
            .limit(BATCH)
            .load(conn)?;
        let last = i64::try_from(ranges.len()).unwrap_or(BATCH) < BATCH;
        for (bucket, total) in ranges {
            if skipped + total > offset {
                return Ok(Some(((bucket + 1) * BUCKET, offset - skipped)));
            }
            skipped += total;
            below = bucket;
        }
        if last {
            return Ok(None);
        }
    }
}

/// A change of one school's row only.
fn school(conn: &mut DbConnection, org: i64, change: impl FnOnce(&mut SchoolStats)) -> QueryResult<()> {
    let mut changes = SchoolChanges::default();
    change(changes.of(org));
    changes.write(conn)
}

/// A new answer about a resource of the school `org` by `respondent` (the e-mail, or an
/// old link's respondent key): one more response, and one more respondent of the resource
/// (and of its school) when this one is new to it.
pub fn on_answer(
    conn: &mut DbConnection,
    resource: i64,
    org: i64,
    respondent: &str,
    response: Response,
) -> QueryResult<()> {
    let new_to_resource = on_engine!(conn, c => diesel::insert_into(resource_respondents::table)
        .values((
            resource_respondents::resource_id.eq(resource),
            resource_respondents::respondent.eq(respondent),
        ))
        .on_conflict_do_nothing()
        .execute(c))?;
    let new_to_school = on_engine!(conn, c => diesel::insert_into(school_respondents::table)
        .values((
            school_respondents::org_id.eq(org),
            school_respondents::respondent.eq(respondent),
        ))
        .on_conflict_do_nothing()
        .execute(c))?;
    let figures = Figures {
        respondents: i64::try_from(new_to_resource).unwrap_or(0),
        ..Figures::answer(response)
    };
    apply(conn, resource, figures)?;
    school(conn, org, |s| {
        s.add(figures);
        s.respondents = i64::try_from(new_to_school).unwrap_or(0);
    })
}

/// A new delivery of a resource of the school `org` to the school `recipient`: one more
/// delivery, and one more adopting school for the resource (and for its host) when this
/// school is new to it.
pub fn on_delivery(conn: &mut DbConnection, resource: i64, org: i64, recipient: i64) -> QueryResult<()> {
    let new_to_resource = on_engine!(conn, c => diesel::insert_into(resource_adopters::table)
        .values((
            resource_adopters::resource_id.eq(resource),
            resource_adopters::recipient_org_id.eq(recipient),
        ))
        .on_conflict_do_nothing()
        .execute(c))?;
    let new_to_school = on_engine!(conn, c => diesel::insert_into(school_adopters::table)
        .values((
            school_adopters::org_id.eq(org),
            school_adopters::recipient_org_id.eq(recipient),
        ))
        .on_conflict_do_nothing()
        .execute(c))?;
    let figures = Figures {
        deliveries: 1,
        adopting_schools: i64::try_from(new_to_resource).unwrap_or(0),
        ..Figures::default()
    };
    apply(conn, resource, figures)?;
    school(conn, org, |s| {
        s.add(figures);
        s.adopting_schools = i64::try_from(new_to_school).unwrap_or(0);
    })
}

/// A new request, addressed to a school (`target`) or open to every school.
pub fn on_request_filed(conn: &mut DbConnection, target: Option<i64>) -> QueryResult<()> {
    match target {
        Some(org) => school(conn, org, |s| s.requests_received = 1),
        None => Ok(()),
    }
}

/// A request decided by the school `deciding`, which it was addressed to `before` (or
/// open): now addressed to the deciding school, and, when `taken` with a resource of the
/// deciding school (accepted or answered), one more request taken with it.
pub fn on_request_decided(
    conn: &mut DbConnection,
    before: Option<i64>,
    deciding: i64,
    taken: Option<i64>,
) -> QueryResult<()> {
    let mut changes = SchoolChanges::default();
    if before != Some(deciding) {
        if let Some(org) = before {
            changes.of(org).requests_received -= 1;
        }
        changes.of(deciding).requests_received += 1;
    }
    if let Some(resource) = taken {
        let figures = Figures {
            requests: 1,
            ..Figures::default()
        };
        apply(conn, resource, figures)?;
        changes.of(deciding).add(figures);
    }
    changes.write(conn)
}

/// What of a resource decides the lists it is counted in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// The resource.
    pub id: i64,
    /// School.
    pub org: i64,
    /// In the public catalogue.
    pub published: bool,
    /// Form.
    pub form: String,
    /// Element of the educational process.
    pub element: Option<String>,
    /// Its project's level.
    pub level: String,
}

impl Listing {
    /// The listing of a stored resource.
    pub fn of(conn: &mut DbConnection, resource: i64) -> QueryResult<Self> {
        use crate::db::schema::projects;
        let (org, visibility, form, element, level) = resources::table
            .inner_join(projects::table)
            .filter(resources::id.eq(resource))
            .select((
                resources::org_id,
                resources::visibility,
                resources::form,
                resources::element,
                projects::level,
            ))
            .first::<(i64, String, String, Option<String>, String)>(conn)?;
        Ok(Self {
            id: resource,
            org,
            published: visibility == openapi::resources::Visibility::Published.as_str(),
            form,
            element,
            level,
        })
    }

    /// The listing after a change of the card: its school and project's level stay.
    pub fn with_card(&self, published: bool, form: &str, element: Option<&str>) -> Self {
        Self {
            published,
            form: form.to_owned(),
            element: element.map(str::to_owned),
            ..self.clone()
        }
    }

    /// Counts the resource in (`+1`) or out of (`-1`) the catalogue's totals; returns
    /// the change of its school's published resources.
    fn catalogue(&self, conn: &mut DbConnection, delta: i64) -> QueryResult<i64> {
        if !self.published {
            return Ok(0);
        }
        count_resource(conn, CATALOGUE, self.id, delta)?;
        count_resource(conn, &catalogue_form(&self.form), self.id, delta)?;
        if let Some(element) = &self.element {
            count_resource(conn, &catalogue_element(element), self.id, delta)?;
        }
        count_resource(conn, &catalogue_level(&self.level), self.id, delta)?;
        Ok(delta)
    }
}

/// The total of the catalogue without filters.
pub const CATALOGUE: &str = "catalogue";
/// The number of schools in the registry without filters.
pub const REGISTRY: &str = "registry";

/// The name of the catalogue's total of one form.
pub fn catalogue_form(form: &str) -> String {
    format!("catalogue.form:{form}")
}

/// The name of the catalogue's total of one element.
pub fn catalogue_element(element: &str) -> String {
    format!("catalogue.element:{element}")
}

/// The name of the catalogue's total of one project level.
pub fn catalogue_level(level: &str) -> String {
    format!("catalogue.level:{level}")
}

/// A new resource (of a project `project`).
pub fn on_resource_created(conn: &mut DbConnection, resource: i64, project: i64) -> QueryResult<()> {
    let listing = Listing::of(conn, resource)?;
    diesel::insert_into(resource_stats::table)
        .values((
            resource_stats::resource_id.eq(resource),
            resource_stats::org_id.eq(listing.org),
            resource_stats::project_id.eq(project),
        ))
        .execute(conn)?;
    let published = listing.catalogue(conn, 1)?;
    school(conn, listing.org, |s| {
        s.resources = 1;
        s.published_resources = published;
    })
}

/// A resource's card changed its listing from `before` to `after`.
pub fn on_resource_changed(conn: &mut DbConnection, before: &Listing, after: &Listing) -> QueryResult<()> {
    if after == before {
        return Ok(());
    }
    let mut changes = SchoolChanges::default();
    changes.of(before.org).published_resources += before.catalogue(conn, -1)?;
    changes.of(after.org).published_resources += after.catalogue(conn, 1)?;
    changes.write(conn)
}

/// A new project of a school.
pub fn on_project_created(conn: &mut DbConnection, org: i64, active: bool) -> QueryResult<()> {
    school(conn, org, |s| {
        s.projects = 1;
        s.active_projects = i64::from(active);
    })
}

/// A project's status or level changed: its school's active projects, and the catalogue's
/// totals by level of its published resources.
pub fn on_project_changed(
    conn: &mut DbConnection,
    project: ProjectId,
    org: i64,
    was: (bool, &str),
    is: (bool, &str),
) -> QueryResult<()> {
    let ((was_active, was_level), (is_active, is_level)) = (was, is);
    if was_level != is_level {
        let published: Vec<i64> = resources::table
            .filter(resources::project_id.eq(project.0))
            .filter(resources::visibility.eq(openapi::resources::Visibility::Published.as_str()))
            .select(resources::id)
            .load(conn)?;
        let moved = i64::try_from(published.len()).unwrap_or(i64::MAX);
        if moved > 0 {
            let (was, is) = (catalogue_level(was_level), catalogue_level(is_level));
            count(conn, &was, -moved)?;
            count(conn, &is, moved)?;
            let mut ranges = std::collections::BTreeMap::<i64, i64>::new();
            for resource in published {
                *ranges.entry(resource / BUCKET).or_default() += 1;
            }
            for (bucket, n) in ranges {
                count_range(conn, &was, bucket, -n)?;
                count_range(conn, &is, bucket, n)?;
            }
        }
    }
    school(conn, org, |s| {
        s.active_projects = i64::from(is_active) - i64::from(was_active)
    })
}

/// A new organisation; a school is counted in the registry.
pub fn on_organisation_created(conn: &mut DbConnection, org: i64, is_school: bool) -> QueryResult<()> {
    diesel::insert_into(school_stats::table)
        .values(school_stats::org_id.eq(org))
        .execute(conn)?;
    if is_school {
        count(conn, REGISTRY, 1)?;
    }
    Ok(())
}

/// A list total (`0` when nothing was ever counted under that name).
pub fn total(conn: &mut DbConnection, name: &str) -> QueryResult<i64> {
    list_counts::table
        .find(name)
        .select(list_counts::total)
        .first(conn)
        .optional()
        .map(Option::unwrap_or_default)
}

/// A row of `resource_stats` without its keys: a resource's figures, or a change of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = resource_stats)]
pub struct Figures {
    /// Answers.
    pub responses: i64,
    /// Of them by link.
    pub by_link: i64,
    /// Satisfied (CSAT 4–5).
    pub satisfied: i64,
    /// Promoters (9–10).
    pub promoters: i64,
    /// Passives (7–8).
    pub passives: i64,
    /// Detractors (0–6).
    pub detractors: i64,
    /// Ready to recommend.
    pub ready: i64,
    /// Requests taken.
    pub requests: i64,
    /// Deliveries.
    pub deliveries: i64,
    /// Schools reached.
    pub adopting_schools: i64,
    /// Distinct respondents.
    pub respondents: i64,
}

impl Figures {
    /// The change one answer makes: one more response, and one more in each counter
    /// its scores fall in.
    fn answer(response: Response) -> Self {
        let mut tally = Tally::default();
        tally.add(response);
        let n = |value: u64| i64::from(value > 0);
        Self {
            responses: 1,
            by_link: n(tally.by_link),
            satisfied: n(tally.satisfied),
            promoters: n(tally.promoters),
            passives: n(tally.passives),
            detractors: n(tally.detractors),
            ready: n(tally.ready),
            ..Self::default()
        }
    }
}

fn split(figures: Figures) -> (Tally, Counts) {
    let n = |value: i64| u64::try_from(value).unwrap_or(0);
    let tally = Tally {
        responses: n(figures.responses),
        satisfied: n(figures.satisfied),
        promoters: n(figures.promoters),
        passives: n(figures.passives),
        detractors: n(figures.detractors),
        ready: n(figures.ready),
        by_link: n(figures.by_link),
    };
    let counts = Counts {
        requests: figures.requests,
        deliveries: figures.deliveries,
        adopting_schools: figures.adopting_schools,
        respondents: figures.respondents,
    };
    (tally, counts)
}

/// The metrics of many resources, keyed by resource: one query by primary key.
pub fn resource_metrics(conn: &mut DbConnection, ids: &[ResourceId]) -> QueryResult<HashMap<i64, Metrics>> {
    use resource_stats as r;
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    let rows: Vec<(i64, Figures)> = r::table
        .filter(r::resource_id.eq_any(&ids))
        .select((r::resource_id, Figures::as_select()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, figures)| {
            let (tally, counts) = split(figures);
            (id, to_metrics(&tally, counts))
        })
        .collect())
}

/// The metrics of a resource, a project or a school, read from the read model; equal to
/// [`feedback::aggregate`](crate::db::models::feedback::aggregate) over the raw rows.
pub fn metrics(conn: &mut DbConnection, scope: Scope) -> QueryResult<Metrics> {
    match scope {
        Scope::Resource(id) => metrics_of_resource(conn, id),
        Scope::Project(id) => metrics_of_project(conn, id),
        Scope::School(id) => metrics_of_school(conn, id),
    }
}

/// One resource's metrics.
fn metrics_of_resource(conn: &mut DbConnection, id: ResourceId) -> QueryResult<Metrics> {
    resource_metrics(conn, &[id])?
        .remove(&id.0)
        .ok_or(diesel::result::Error::NotFound)
}

/// Every resource of a project together; the adopting schools and the respondents
/// counted once each.
fn metrics_of_project(conn: &mut DbConnection, id: ProjectId) -> QueryResult<Metrics> {
    use resource_stats as r;
    let rows: Vec<Figures> = r::table
        .filter(r::project_id.eq(id.0))
        .select(Figures::as_select())
        .load(conn)?;
    let of_project = || r::table.filter(r::project_id.eq(id.0)).select(r::resource_id);
    let schools: i64 = resource_adopters::table
        .filter(resource_adopters::resource_id.eq_any(of_project()))
        .select(diesel::dsl::count(resource_adopters::recipient_org_id).aggregate_distinct())
        .first(conn)?;
    let respondents: i64 = resource_respondents::table
        .filter(resource_respondents::resource_id.eq_any(of_project()))
        .select(diesel::dsl::count(resource_respondents::respondent).aggregate_distinct())
        .first(conn)?;
    let mut tally = Tally::default();
    let mut counts = Counts::default();
    for (part, part_counts) in rows.into_iter().map(split) {
        tally.merge(part);
        counts.requests += part_counts.requests;
        counts.deliveries += part_counts.deliveries;
    }
    counts.adopting_schools = schools;
    counts.respondents = respondents;
    Ok(to_metrics(&tally, counts))
}

/// A school's row of the read model, or a change of it (each figure added to its
/// column).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = school_stats)]
pub struct SchoolStats {
    /// School.
    pub org_id: i64,
    /// Projects.
    pub projects: i64,
    /// Active projects.
    pub active_projects: i64,
    /// Resources.
    pub resources: i64,
    /// Published resources.
    pub published_resources: i64,
    /// Requests addressed to it.
    pub requests_received: i64,
    /// Answers about its resources.
    pub responses: i64,
    /// Of them by link.
    pub by_link: i64,
    /// Satisfied.
    pub satisfied: i64,
    /// Promoters.
    pub promoters: i64,
    /// Passives.
    pub passives: i64,
    /// Detractors.
    pub detractors: i64,
    /// Ready to recommend.
    pub ready: i64,
    /// Requests taken with its resources.
    pub requests: i64,
    /// Deliveries of its resources.
    pub deliveries: i64,
    /// Schools reached, each resource's counted apart.
    pub adoptions: i64,
    /// Schools reached, each once.
    pub adopting_schools: i64,
    /// Distinct respondents about its resources, each once.
    pub respondents: i64,
}

impl SchoolStats {
    /// Its resources' figures together, the schools reached counted as adoptions.
    fn figures(&self) -> Figures {
        Figures {
            responses: self.responses,
            by_link: self.by_link,
            satisfied: self.satisfied,
            promoters: self.promoters,
            passives: self.passives,
            detractors: self.detractors,
            ready: self.ready,
            requests: self.requests,
            deliveries: self.deliveries,
            adopting_schools: self.adoptions,
            respondents: self.respondents,
        }
    }

    /// Adds a change of one of its resources' figures.
    fn add(&mut self, d: Figures) {
        self.responses += d.responses;
        self.by_link += d.by_link;
        self.satisfied += d.satisfied;
        self.promoters += d.promoters;
        self.passives += d.passives;
        self.detractors += d.detractors;
        self.ready += d.ready;
        self.requests += d.requests;
        self.deliveries += d.deliveries;
        self.adoptions += d.adopting_schools;
    }

    /// The metrics of its resources together, with the adopting schools counted as
    /// "adoptions" (`true`: a school reached by two resources counts twice) or once.
    pub fn metrics(&self, adoptions: bool) -> Metrics {
        let (tally, mut counts) = split(self.figures());
        if !adoptions {
            counts.adopting_schools = self.adopting_schools;
        }
        to_metrics(&tally, counts)
    }
}

/// The rows of these schools, keyed by school: one query by primary key.
pub fn schools(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<HashMap<i64, SchoolStats>> {
    let rows: Vec<SchoolStats> = school_stats::table
        .filter(school_stats::org_id.eq_any(ids))
        .select(SchoolStats::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(|row| (row.org_id, row)).collect())
}

/// Every resource of a school together; the adopting schools counted once each.
fn metrics_of_school(conn: &mut DbConnection, id: OrganisationId) -> QueryResult<Metrics> {
    Ok(schools(conn, &[id.0])?
        .remove(&id.0)
        .unwrap_or(SchoolStats {
            org_id: id.0,
            ..SchoolStats::default()
        })
        .metrics(false))
}

/// Every row of the read model, in a fixed order: what [`rebuild`] must reproduce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// `resource_stats` by resource.
    pub resources: Vec<(i64, i64, i64, Figures)>,
    /// `school_stats` by school.
    pub schools: Vec<SchoolStats>,
    /// `resource_adopters`.
    pub resource_adopters: Vec<(i64, i64)>,
    /// `school_adopters`.
    pub school_adopters: Vec<(i64, i64)>,
    /// `resource_respondents`.
    pub resource_respondents: Vec<(i64, String)>,
    /// `school_respondents`.
    pub school_respondents: Vec<(i64, String)>,
    /// `list_counts` without the totals at zero (a total that went back to zero stays as
    /// a row; the rebuild leaves it out).
    pub counts: Vec<(String, i64)>,
    /// `list_buckets` without the totals at zero.
    pub buckets: Vec<(String, i64, i64)>,
    /// `school_year_stats` without the rows that count nothing.
    pub years: Vec<years::YearRow>,
}

/// Reads the whole read model.
pub fn snapshot(conn: &mut DbConnection) -> QueryResult<Snapshot> {
    use resource_stats as r;
    Ok(Snapshot {
        resources: r::table
            .order(r::resource_id)
            .select((r::resource_id, r::org_id, r::project_id, Figures::as_select()))
            .load(conn)?,
        schools: school_stats::table
            .order(school_stats::org_id)
            .select(SchoolStats::as_select())
            .load(conn)?,
        resource_adopters: resource_adopters::table
            .order((resource_adopters::resource_id, resource_adopters::recipient_org_id))
            .load(conn)?,
        school_adopters: school_adopters::table
            .order((school_adopters::org_id, school_adopters::recipient_org_id))
            .load(conn)?,
        resource_respondents: resource_respondents::table
            .order((resource_respondents::resource_id, resource_respondents::respondent))
            .load(conn)?,
        school_respondents: school_respondents::table
            .order((school_respondents::org_id, school_respondents::respondent))
            .load(conn)?,
        counts: list_counts::table
            .filter(list_counts::total.ne(0))
            .order(list_counts::name)
            .load(conn)?,
        buckets: list_buckets::table
            .filter(list_buckets::total.ne(0))
            .order((list_buckets::name, list_buckets::bucket))
            .load(conn)?,
        years: years::snapshot(conn)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_answer_moves_the_counters_its_scores_fall_in() {
        let answer = |csat, recommend, ready, by_link| {
            Figures::answer(Response {
                csat,
                recommend,
                ready,
                by_link,
            })
        };
        let linked = answer(4, 8, true, true);
        assert_eq!(
            (
                linked.responses,
                linked.by_link,
                linked.satisfied,
                linked.passives,
                linked.ready
            ),
            (1, 1, 1, 1, 1)
        );
        assert_eq!((linked.promoters, linked.detractors, linked.requests), (0, 0, 0));
        let unhappy = answer(3, 6, false, false);
        assert_eq!(
            (unhappy.satisfied, unhappy.detractors, unhappy.by_link, unhappy.ready),
            (0, 1, 0, 0)
        );
        assert_eq!(answer(5, 9, false, false).promoters, 1);
    }
}
