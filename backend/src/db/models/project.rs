//! The `projects` table.

use super::{Backend, PageRequest};
use crate::db::schema::{
    organisations, platform_confirmations, problems, project_directions, project_problems, projects, ranking_rounds,
};
use crate::db::{DbConnection, read_model};
use crate::domain::projects::ProjectCard;
use crate::domain::text::{like_pattern, search_key};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use openapi::projects::{
    CitedProblem, ConfirmationInput, PlatformConfirmation, PlatformStatus, Project, ProjectFilter, ProjectLevel,
    ProjectOrigin, ProjectStatus,
};
use openapi::{OrganisationId, ProblemId, ProjectId, UserId};
use std::collections::HashMap;

/// A row of `projects`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = projects)]
pub struct ProjectRow {
    /// Id.
    pub id: i64,
    /// School.
    pub org_id: i64,
    /// Title.
    pub title: String,
    /// Problem.
    pub problem: String,
    /// Origin.
    pub origin: String,
    /// Competition.
    pub competition: Option<String>,
    /// Customer.
    pub customer_org_id: Option<i64>,
    /// Level.
    pub level: String,
    /// Platform status.
    pub platform_status: Option<String>,
    /// Supervisor account.
    pub supervisor_id: Option<i64>,
    /// Supervisor name.
    pub supervisor_name: Option<String>,
    /// First school year.
    pub start_year: i32,
    /// Last school year.
    pub end_year: i32,
    /// Status.
    pub status: String,
    /// Creation.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
    /// External supervisor's affiliation.
    pub supervisor_affiliation: Option<String>,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
}

impl ProjectRow {
    /// The API representation; the CHECK constraints keep unknown spellings out.
    pub fn into_dto(self, org_short_name: String, parts: Parts) -> Project {
        Project {
            id: ProjectId(self.id),
            org_id: OrganisationId(self.org_id),
            org_short_name,
            title: self.title,
            problem: self.problem,
            origin: ProjectOrigin::parse(&self.origin).unwrap_or(ProjectOrigin::OwnInitiative),
            competition: self.competition,
            customer_org_id: self.customer_org_id.map(OrganisationId),
            level: ProjectLevel::parse(&self.level).unwrap_or(ProjectLevel::Platform),
            platform_status: self.platform_status.as_deref().and_then(PlatformStatus::parse),
            supervisor_id: self.supervisor_id.map(UserId),
            supervisor_name: self.supervisor_name,
            supervisor_affiliation: self.supervisor_affiliation,
            directions: parts.directions,
            problems: parts.problems,
            confirmations: parts.confirmations,
            start_year: self.start_year,
            end_year: self.end_year,
            status: ProjectStatus::parse(&self.status).unwrap_or(ProjectStatus::Draft),
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
            version: self.version,
        }
    }

    /// Whether the assignment was competitive (its customer's assignment is the request).
    pub fn is_competitive(&self) -> bool {
        self.origin == ProjectOrigin::Competitive.as_str()
    }
}

/// One project by id, with its school's short name.
pub fn find(conn: &mut DbConnection, id: ProjectId) -> QueryResult<(ProjectRow, String)> {
    let id = id.0;
    projects::table
        .inner_join(organisations::table.on(organisations::id.eq(projects::org_id)))
        .filter(projects::id.eq(id))
        .select((ProjectRow::as_select(), organisations::short_name))
        .first(conn)
}

/// The project's directions of work, in order.
pub fn directions(conn: &mut DbConnection, project: ProjectId) -> QueryResult<Vec<String>> {
    project_directions::table
        .filter(project_directions::project_id.eq(project.0))
        .order(project_directions::position)
        .select(project_directions::title)
        .load(conn)
}

/// Whether the project cites at least one problem of a frozen ranking.
pub fn cites_ranked_problems(conn: &mut DbConnection, project: ProjectId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        project_problems::table
            .inner_join(problems::table.on(problems::id.eq(project_problems::problem_id)))
            .inner_join(ranking_rounds::table.on(ranking_rounds::id.eq(problems::round_id)))
            .filter(project_problems::project_id.eq(project.0))
            .filter(ranking_rounds::frozen_at.is_not_null()),
    ))
    .get_result(conn)
}

/// The titles of projects, by id, in one query.
pub fn titles(conn: &mut DbConnection, ids: impl IntoIterator<Item = i64>) -> QueryResult<HashMap<i64, String>> {
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    let rows: Vec<(i64, String)> = projects::table
        .filter(projects::id.eq_any(ids))
        .select((projects::id, projects::title))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// Loads the API representation of a project (by a plain id: the black-box tests call it).
pub fn load(conn: &mut DbConnection, id: ProjectId) -> QueryResult<Project> {
    let id = id.0;
    let (row, short_name) = find(conn, ProjectId(id))?;
    let mut parts = parts_of(conn, &[ProjectId(id)])?;
    Ok(row.into_dto(short_name, parts.remove(&id).unwrap_or_default()))
}

/// What a project card holds besides its row.
#[derive(Debug, Clone, Default)]
pub struct Parts {
    /// Directions of work.
    pub directions: Vec<String>,
    /// Cited problems.
    pub problems: Vec<CitedProblem>,
    /// Platform confirmations, the latest year first.
    pub confirmations: Vec<PlatformConfirmation>,
}

/// The directions, cited problems and confirmations of projects: three queries.
pub fn parts_of(conn: &mut DbConnection, ids: &[ProjectId]) -> QueryResult<HashMap<i64, Parts>> {
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    let ids = &ids[..];
    let mut parts: HashMap<i64, Parts> = HashMap::new();
    let directions: Vec<(i64, String)> = project_directions::table
        .filter(project_directions::project_id.eq_any(ids))
        .order((project_directions::project_id, project_directions::position))
        .select((project_directions::project_id, project_directions::title))
        .load(conn)?;
    for (project, title) in directions {
        parts.entry(project).or_default().directions.push(title);
    }
    let cited: Vec<(i64, i64, String, i32, Option<NaiveDateTime>)> = project_problems::table
        .inner_join(problems::table.on(problems::id.eq(project_problems::problem_id)))
        .inner_join(ranking_rounds::table.on(ranking_rounds::id.eq(problems::round_id)))
        .filter(project_problems::project_id.eq_any(ids))
        .order((project_problems::project_id, problems::id))
        .select((
            project_problems::project_id,
            problems::id,
            problems::title,
            ranking_rounds::school_year,
            ranking_rounds::frozen_at,
        ))
        .load(conn)?;
    for (project, id, title, school_year, frozen_at) in cited {
        parts.entry(project).or_default().problems.push(CitedProblem {
            id,
            title,
            school_year,
            ranking_frozen: frozen_at.is_some(),
        });
    }
    let confirmations: Vec<(i64, i32, NaiveDate, String)> = platform_confirmations::table
        .filter(platform_confirmations::project_id.eq_any(ids))
        .order((
            platform_confirmations::project_id,
            platform_confirmations::school_year.desc(),
        ))
        .select((
            platform_confirmations::project_id,
            platform_confirmations::school_year,
            platform_confirmations::confirmed_on,
            platform_confirmations::basis,
        ))
        .load(conn)?;
    for (project, school_year, confirmed_on, basis) in confirmations {
        parts
            .entry(project)
            .or_default()
            .confirmations
            .push(PlatformConfirmation {
                school_year,
                confirmed_on,
                basis,
            });
    }
    Ok(parts)
}

/// Writes a card's directions and cited problems.
pub fn write_parts(conn: &mut DbConnection, id: ProjectId, card: &ProjectCard) -> QueryResult<()> {
    let id = id.0;
    diesel::delete(project_directions::table.filter(project_directions::project_id.eq(id))).execute(conn)?;
    for (position, title) in (0_i32..).zip(&card.directions) {
        diesel::insert_into(project_directions::table)
            .values((
                project_directions::project_id.eq(id),
                project_directions::position.eq(position),
                project_directions::title.eq(title),
            ))
            .execute(conn)?;
    }
    diesel::delete(project_problems::table.filter(project_problems::project_id.eq(id))).execute(conn)?;
    for problem in &card.problem_ids {
        cite(conn, ProjectId(id), ProblemId(*problem))?;
    }
    Ok(())
}

/// Records that a project answers a problem of the school's ranking.
pub fn cite(conn: &mut DbConnection, project: ProjectId, problem: ProblemId) -> QueryResult<()> {
    let project = project.0;
    let problem = problem.0;
    diesel::insert_into(project_problems::table)
        .values((
            project_problems::project_id.eq(project),
            project_problems::problem_id.eq(problem),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records the confirmation of a platform's status for a school year.
pub fn confirm(
    conn: &mut DbConnection,
    id: ProjectId,
    input: &ConfirmationInput,
    basis: &str,
    actor: UserId,
) -> QueryResult<()> {
    let (id, actor) = (id.0, actor.0);
    diesel::insert_into(platform_confirmations::table)
        .values((
            platform_confirmations::project_id.eq(id),
            platform_confirmations::school_year.eq(input.school_year),
            platform_confirmations::confirmed_on.eq(input.confirmed_on),
            platform_confirmations::basis.eq(basis),
            platform_confirmations::created_by.eq(actor),
            platform_confirmations::created_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The columns a project card sets, on insert and on update alike.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = projects, treat_none_as_null = true)]
struct CardValues<'a> {
    title: &'a str,
    problem: &'a str,
    origin: &'a str,
    competition: Option<&'a str>,
    customer_org_id: Option<i64>,
    level: &'a str,
    platform_status: Option<&'a str>,
    supervisor_id: Option<i64>,
    supervisor_name: Option<&'a str>,
    supervisor_affiliation: Option<&'a str>,
    start_year: i32,
    end_year: i32,
    status: &'a str,
    search: String,
    updated_at: NaiveDateTime,
}

impl<'a> CardValues<'a> {
    fn of(card: &'a ProjectCard) -> Self {
        Self {
            title: &card.title,
            problem: &card.problem,
            origin: card.origin.as_str(),
            competition: card.competition.as_deref(),
            customer_org_id: card.customer_org_id.map(|id| id.0),
            level: card.level.as_str(),
            platform_status: card.platform_status.map(PlatformStatus::as_str),
            supervisor_id: card.supervisor_id.map(|id| id.0),
            supervisor_name: card.supervisor_name.as_deref(),
            supervisor_affiliation: card.supervisor_affiliation.as_deref(),
            start_year: card.start_year,
            end_year: card.end_year,
            status: card.status.as_str(),
            search: search_key(&[&card.title, &card.problem]),
            updated_at: super::now(),
        }
    }
}

/// Inserts a project of a school; `supervisor_name` is already resolved from the account.
pub fn insert(conn: &mut DbConnection, org: OrganisationId, card: &ProjectCard) -> QueryResult<ProjectId> {
    let values = CardValues::of(card);
    let created_at = values.updated_at;
    let id: i64 = diesel::insert_into(projects::table)
        .values((projects::org_id.eq(org.0), projects::created_at.eq(created_at), values))
        .returning(projects::id)
        .get_result(conn)?;
    write_parts(conn, ProjectId(id), card)?;
    read_model::on_project_created(conn, org.0, card.status == ProjectStatus::Active)?;
    Ok(ProjectId(id))
}

/// Replaces the card of a project read as `before` (in the same transaction).
pub fn update(conn: &mut DbConnection, before: &Project, card: &ProjectCard) -> QueryResult<()> {
    let id = before.id;
    diesel::update(projects::table.find(id.0))
        .set(CardValues::of(card))
        .execute(conn)?;
    write_parts(conn, id, card)?;
    let active = |status| status == ProjectStatus::Active;
    read_model::on_project_changed(
        conn,
        id,
        before.org_id.0,
        (active(before.status), before.level.as_str()),
        (active(card.status), card.level.as_str()),
    )
}

fn filtered<'a>(filter: &ProjectFilter) -> projects::BoxedQuery<'a, Backend> {
    let mut query = projects::table.into_boxed();
    if let Some(pattern) = filter.q.as_deref().and_then(like_pattern) {
        query = query.filter(projects::search.like(super::planned_with(pattern)).escape('\\'));
    }
    if let Some(org) = filter.org_id {
        query = query.filter(projects::org_id.eq(org.0));
    }
    if let Some(status) = filter.status {
        query = query.filter(projects::status.eq(status.as_str()));
    }
    if let Some(level) = filter.level {
        query = query.filter(projects::level.eq(level.as_str()));
    }
    if let Some(year) = filter.school_year {
        query = query
            .filter(projects::start_year.le(year))
            .filter(projects::end_year.ge(year));
    }
    query
}

/// One page of projects, newest first, with their schools' short names, and the total.
pub fn list(conn: &mut DbConnection, filter: &ProjectFilter, page: PageRequest) -> QueryResult<(Vec<Project>, i64)> {
    let total = filtered(filter).count().get_result(conn)?;
    let rows: Vec<ProjectRow> = filtered(filter)
        .order(projects::id.desc())
        .limit(page.limit())
        .offset(page.offset())
        .select(ProjectRow::as_select())
        .load(conn)?;
    let names = super::organisation::short_names(conn, rows.iter().map(|row| row.org_id))?;
    let ids: Vec<ProjectId> = rows.iter().map(|row| ProjectId(row.id)).collect();
    let mut parts = parts_of(conn, &ids)?;
    let items = rows
        .into_iter()
        .map(|row| {
            let name = names.get(&row.org_id).cloned().unwrap_or_default();
            let id = row.id;
            row.into_dto(name, parts.remove(&id).unwrap_or_default())
        })
        .collect();
    Ok((items, total))
}

versioned!(projects);
