//! The committee's registry: every school's innovation work in figures, read from the
//! read model's row of each school.

use super::Backend;
use super::organisation::{self, OrganisationRow};
use crate::db::read_model::SchoolStats;
use crate::db::schema::{organisations, projects};
use crate::db::{DbConnection, read_model};
use crate::domain::dissemination as rules;
use crate::domain::pagination::{Keyset, Split};
use crate::domain::text::search_term;
use diesel::prelude::*;
use openapi::OrganisationId;
use openapi::dissemination::SchoolYearSpan;
use openapi::feedback::{RegistryFilter, RegistryItem, RegistrySchool};
use openapi::organisations::{OrganisationFilter, OrganisationKind};
use openapi::projects::ProjectStatus;

/// The given schools with their figures and their dissemination in `year`, each made
/// into a row by `make`: one query for the figures, one for the dissemination (both from
/// the read model).
fn rows<T>(
    conn: &mut DbConnection,
    schools: Vec<OrganisationRow>,
    year: i32,
    make: impl Fn(OrganisationRow, SchoolStats, rules::Figures) -> T,
) -> QueryResult<Vec<T>> {
    let ids: Vec<i64> = schools.iter().map(|org| org.id).collect();
    let mut stats = read_model::schools(conn, &ids)?;
    let mut spread = read_model::years::of_schools(conn, &ids, year)?;
    Ok(schools
        .into_iter()
        .map(|org| {
            let figures = stats.remove(&org.id).unwrap_or_default();
            let spread = spread.remove(&org.id).unwrap_or_default();
            make(org, figures, spread)
        })
        .collect())
}

/// A school as the export writes it: every figure in full.
fn school(year: &SchoolYearSpan) -> impl Fn(OrganisationRow, SchoolStats, rules::Figures) -> RegistrySchool + '_ {
    move |org, figures, spread| RegistrySchool {
        organisation: org.summary(),
        projects: figures.projects,
        active_projects: figures.active_projects,
        resources: figures.resources,
        published_resources: figures.published_resources,
        requests_received: figures.requests_received,
        metrics: figures.metrics(true),
        dissemination: rules::represent(year.clone(), spread),
    }
}

/// A school as the list shows it: its row's figures only.
fn item(org: OrganisationRow, figures: SchoolStats, spread: rules::Figures) -> RegistryItem {
    let metrics = figures.metrics(true);
    RegistryItem {
        org_id: OrganisationId(org.id),
        short_name: org.short_name,
        projects: figures.projects,
        active_projects: figures.active_projects,
        resources: figures.resources,
        published_resources: figures.published_resources,
        requests_received: figures.requests_received,
        deliveries: metrics.deliveries,
        adopting_schools: metrics.adopting_schools,
        responses: metrics.responses,
        app_responses: metrics.app_responses,
        link_responses: metrics.link_responses,
        respondents: metrics.respondents,
        csat_percent: metrics.csat_percent,
        nps: metrics.nps,
        pilots: spread.pilots,
        teachers_trained: spread.teachers_trained,
        training_hours: spread.training_hours,
        consultations: spread.consultations,
        events: spread.events(),
        attendees: spread.attendees,
        schools_reached: spread.schools_reached,
        fair_rating: spread.fair_rating(),
    }
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

/// One page of the registry as the list shows it (schools by short name, ties by id;
/// rows read: up to the page's limit), and the key the next page starts after when one
/// follows.
pub fn page(
    conn: &mut DbConnection,
    filter: &RegistryFilter,
    page: &Keyset<(String, i64)>,
    year: &SchoolYearSpan,
) -> QueryResult<Split<RegistryItem, (String, i64)>> {
    let (schools, next) = schools(conn, filter, page)?;
    Ok((rows(conn, schools, year.start, item)?, next))
}

/// One page of the registry with every figure in full, as the export writes it.
pub fn page_in_full(
    conn: &mut DbConnection,
    filter: &RegistryFilter,
    page: &Keyset<(String, i64)>,
    year: &SchoolYearSpan,
) -> QueryResult<Split<RegistrySchool, (String, i64)>> {
    let (schools, next) = schools(conn, filter, page)?;
    Ok((rows(conn, schools, year.start, school(year))?, next))
}

/// The schools of one page, and the key the next page starts after when one follows.
fn schools(
    conn: &mut DbConnection,
    filter: &RegistryFilter,
    page: &Keyset<(String, i64)>,
) -> QueryResult<Split<OrganisationRow, (String, i64)>> {
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
    Ok(page.split(schools, |org| (org.short_name.clone(), org.id)))
}
