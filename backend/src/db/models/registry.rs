//! The committee's registry: every school's innovation work in figures, computed for a
//! page of schools with one grouped query per figure.

use super::feedback::{Counts, sum_metrics, tallies_by_resource};
use super::organisation::{self, OrganisationRow};
use super::{Backend, PageRequest};
use crate::db::DbConnection;
use crate::db::schema::{organisations, projects, requests, resources};
use crate::domain::metrics::Tally;
use diesel::dsl::count_star;
use diesel::prelude::*;
use openapi::ResourceId;
use openapi::feedback::{RegistryFilter, RegistrySchool};
use openapi::organisations::{OrganisationFilter, OrganisationKind};
use openapi::projects::ProjectStatus;
use openapi::resources::Visibility;
use std::collections::HashMap;

fn grouped(rows: Vec<(i64, i64)>) -> HashMap<i64, i64> {
    rows.into_iter().collect()
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
    let resource_ids: Vec<ResourceId> = owned.iter().map(|(id, _)| ResourceId(*id)).collect();
    let mut metrics = tallies_by_resource(conn, &resource_ids)?;
    let mut by_school: HashMap<i64, Vec<(Tally, Counts)>> = HashMap::new();
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
                metrics: sum_metrics(parts.into_iter()),
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
