//! The committee's registry: every school's innovation work in figures, read from the
//! read model's row of each school.

use super::Backend;
use super::organisation::{self, OrganisationRow};
use crate::db::schema::{organisations, projects};
use crate::db::{DbConnection, read_model};
use crate::domain::dissemination as rules;
use crate::domain::pagination::{Keyset, Split};
use crate::domain::text::search_term;
use diesel::prelude::*;
use openapi::dissemination::SchoolYearSpan;
use openapi::feedback::{RegistryFilter, RegistrySchool};
use openapi::organisations::{OrganisationFilter, OrganisationKind};
use openapi::projects::ProjectStatus;

/// The registry rows of the given schools: one query for their figures, one for their
/// dissemination in `year` (both from the read model).
fn rows(
    conn: &mut DbConnection,
    schools: Vec<OrganisationRow>,
    year: &SchoolYearSpan,
) -> QueryResult<Vec<RegistrySchool>> {
    let ids: Vec<i64> = schools.iter().map(|org| org.id).collect();
    let mut stats = read_model::schools(conn, &ids)?;
    let mut spread = read_model::years::of_schools(conn, &ids, year.start)?;
    Ok(schools
        .into_iter()
        .map(|org| {
            let figures = stats.remove(&org.id).unwrap_or_default();
            RegistrySchool {
                organisation: org.summary(),
                projects: figures.projects,
                active_projects: figures.active_projects,
                resources: figures.resources,
                published_resources: figures.published_resources,
                requests_received: figures.requests_received,
                metrics: figures.metrics(true),
                dissemination: rules::represent(year.clone(), spread.remove(&org.id).unwrap_or_default()),
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

/// The number of schools a registry filter selects: without filters from the read
/// model's counter, with them counted over the organisations.
pub fn total(conn: &mut DbConnection, filter: &RegistryFilter) -> QueryResult<i64> {
    let unfiltered = filter.q.as_deref().and_then(search_term).is_none()
        && filter.level.is_none()
        && filter.platform_status.is_none()
        && filter.active.is_none();
    if unfiltered {
        read_model::total(conn, read_model::REGISTRY)
    } else {
        filtered(filter).count().get_result(conn)
    }
}

/// One page of the registry (schools by short name, ties by id; rows read: up to the
/// page's limit), and the key the next page starts after when one follows.
pub fn page(
    conn: &mut DbConnection,
    filter: &RegistryFilter,
    page: &Keyset<(String, i64)>,
    year: &SchoolYearSpan,
) -> QueryResult<Split<RegistrySchool, (String, i64)>> {
    let mut query = filtered(filter)
        .order((organisations::short_name.asc(), organisations::id.asc()))
        .limit(page.limit());
    if let Some((name, id)) = &page.after {
        query = query.filter(organisations::short_name.ge(name.clone())).filter(
            organisations::short_name.gt(name.clone()).or(organisations::short_name
                .eq(name.clone())
                .and(organisations::id.gt(*id))),
        );
    } else {
        query = query.offset(page.offset());
    }
    let schools = query.select(OrganisationRow::as_select()).load(conn)?;
    let (schools, next) = page.split(schools, |org| (org.short_name.clone(), org.id));
    Ok((rows(conn, schools, year)?, next))
}
