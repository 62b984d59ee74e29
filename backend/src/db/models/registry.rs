//! The committee's registry: every school's innovation work in figures, computed for a
//! page of schools with one grouped query per figure.

use super::feedback::metrics_by_resource;
use super::organisation::{self, OrganisationRow};
use super::{Backend, PageRequest};
use crate::db::DbConnection;
use crate::db::schema::{organisations, projects, requests, resources};
use diesel::dsl::count_star;
use diesel::prelude::*;
use openapi::feedback::{Metrics, RegistryFilter, RegistrySchool};
use openapi::organisations::{OrganisationFilter, OrganisationKind};
use openapi::projects::ProjectStatus;
use openapi::resources::Visibility;
use std::collections::HashMap;

fn grouped(rows: Vec<(i64, i64)>) -> HashMap<i64, i64> {
    rows.into_iter().collect()
}

/// Sums the metrics of several resources (counts add; percentages are recomputed).
fn sum(parts: impl Iterator<Item = Metrics>) -> Metrics {
    use crate::domain::metrics::Tally;
    let mut tally = Tally::default();
    let (mut requests, mut deliveries, mut adopting) = (0, 0, 0);
    for part in parts {
        let count = |value: i64| u64::try_from(value).unwrap_or(0);
        tally.merge(Tally {
            responses: count(part.responses),
            satisfied: count(part.satisfied),
            promoters: count(part.promoters),
            passives: count(part.passives),
            detractors: count(part.detractors),
            ready: count(part.ready),
        });
        requests += part.requests;
        deliveries += part.deliveries;
        adopting += part.adopting_schools;
    }
    let count = |value: u64| i64::try_from(value).unwrap_or(i64::MAX);
    Metrics {
        responses: count(tally.responses),
        satisfied: count(tally.satisfied),
        promoters: count(tally.promoters),
        passives: count(tally.passives),
        detractors: count(tally.detractors),
        ready: count(tally.ready),
        csat_percent: tally.csat_percent(),
        nps: tally.nps(),
        ready_percent: tally.ready_percent(),
        requests,
        deliveries,
        // A school reached by two resources counts once per resource here: the figure
        // is "adoptions", the sum over resources of the schools each reached.
        adopting_schools: adopting,
    }
}

/// The registry rows of the given schools.
pub fn rows(conn: &mut DbConnection, schools: Vec<OrganisationRow>) -> QueryResult<Vec<RegistrySchool>> {
    let ids: Vec<i64> = schools.iter().map(|org| org.id).collect();
    let project_counts = grouped(
        projects::table
            .filter(projects::org_id.eq_any(&ids))
            .group_by(projects::org_id)
            .select((projects::org_id, count_star()))
            .load(conn)?,
    );
    let active = grouped(
        projects::table
            .filter(projects::org_id.eq_any(&ids))
            .filter(projects::status.eq(ProjectStatus::Active.as_str()))
            .group_by(projects::org_id)
            .select((projects::org_id, count_star()))
            .load(conn)?,
    );
    let published = grouped(
        resources::table
            .filter(resources::org_id.eq_any(&ids))
            .filter(resources::visibility.eq(Visibility::Published.as_str()))
            .group_by(resources::org_id)
            .select((resources::org_id, count_star()))
            .load(conn)?,
    );
    let received = grouped(
        requests::table
            .filter(requests::target_org_id.eq_any(&ids))
            .group_by(requests::target_org_id)
            .select((requests::target_org_id.assume_not_null(), count_star()))
            .load(conn)?,
    );
    let owned: Vec<(i64, i64)> = resources::table
        .filter(resources::org_id.eq_any(&ids))
        .select((resources::id, resources::org_id))
        .load(conn)?;
    let resource_ids: Vec<i64> = owned.iter().map(|(id, _)| *id).collect();
    let mut metrics = metrics_by_resource(conn, &resource_ids)?;
    let mut by_school: HashMap<i64, Vec<Metrics>> = HashMap::new();
    for (resource, org) in &owned {
        if let Some(found) = metrics.remove(resource) {
            by_school.entry(*org).or_default().push(found);
        }
    }
    Ok(schools
        .into_iter()
        .map(|org| {
            let parts = by_school.remove(&org.id).unwrap_or_default();
            RegistrySchool {
                organisation: org.summary(),
                projects: project_counts.get(&org.id).copied().unwrap_or(0),
                active_projects: active.get(&org.id).copied().unwrap_or(0),
                resources: i64::try_from(parts.len()).unwrap_or(0),
                published_resources: published.get(&org.id).copied().unwrap_or(0),
                requests_received: received.get(&org.id).copied().unwrap_or(0),
                metrics: sum(parts.into_iter()),
            }
        })
        .collect())
}

/// The schools a registry filter selects: the name search, then conditions on their
/// projects as subqueries.
fn filtered<'a>(filter: &RegistryFilter) -> organisations::BoxedQuery<'a, Backend> {
    let mut query = organisation::filtered(&OrganisationFilter {
        q: filter.q.clone(),
        kind: Some(OrganisationKind::School),
    });
    if let Some(level) = filter.level {
        query = query.filter(
            organisations::id.eq_any(
                projects::table
                    .filter(projects::level.eq(level.as_str()))
                    .select(projects::org_id),
            ),
        );
    }
    if let Some(status) = filter.platform_status {
        query = query.filter(
            organisations::id.eq_any(
                projects::table
                    .filter(projects::platform_status.eq(status.as_str()))
                    .select(projects::org_id),
            ),
        );
    }
    if let Some(active) = filter.active {
        let with_active = projects::table
            .filter(projects::status.eq(ProjectStatus::Active.as_str()))
            .select(projects::org_id);
        query = if active {
            query.filter(organisations::id.eq_any(with_active))
        } else {
            query.filter(organisations::id.ne_all(with_active))
        };
    }
    query
}

/// One page of the registry (schools by short name) and the number of schools.
pub fn list(
    conn: &mut DbConnection,
    filter: &RegistryFilter,
    page: PageRequest,
) -> QueryResult<(Vec<RegistrySchool>, i64)> {
    let total = filtered(filter).count().get_result(conn)?;
    let schools = filtered(filter)
        .order((organisations::short_name.asc(), organisations::id.asc()))
        .limit(page.limit())
        .offset(page.offset())
        .select(OrganisationRow::as_select())
        .load(conn)?;
    Ok((rows(conn, schools)?, total))
}
