//! The `projects` table.

use super::{Backend, PageRequest};
use crate::db::DbConnection;
use crate::db::schema::{organisations, projects};
use crate::domain::projects::ProjectCard;
use crate::domain::text::{like_pattern, search_key};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use openapi::projects::{PlatformStatus, Project, ProjectFilter, ProjectLevel, ProjectOrigin, ProjectStatus};
use openapi::{OrganisationId, ProjectId, UserId};

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
}

impl ProjectRow {
    /// The API representation; the CHECK constraints keep unknown spellings out.
    pub fn into_dto(self, org_short_name: String) -> Project {
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
            start_year: self.start_year,
            end_year: self.end_year,
            status: ProjectStatus::parse(&self.status).unwrap_or(ProjectStatus::Draft),
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
        }
    }

    /// Whether the assignment was competitive (its customer's assignment is the request).
    pub fn is_competitive(&self) -> bool {
        self.origin == ProjectOrigin::Competitive.as_str()
    }
}

/// One project by id, with its school's short name.
pub fn find(conn: &mut DbConnection, id: i64) -> QueryResult<(ProjectRow, String)> {
    projects::table
        .inner_join(organisations::table.on(organisations::id.eq(projects::org_id)))
        .filter(projects::id.eq(id))
        .select((ProjectRow::as_select(), organisations::short_name))
        .first(conn)
}

/// Loads the API representation of a project.
pub fn load(conn: &mut DbConnection, id: i64) -> QueryResult<Project> {
    let (row, short_name) = find(conn, id)?;
    Ok(row.into_dto(short_name))
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
            start_year: card.start_year,
            end_year: card.end_year,
            status: card.status.as_str(),
            search: search_key(&[&card.title, &card.problem]),
            updated_at: super::now(),
        }
    }
}

/// Inserts a project of a school; `supervisor_name` is already resolved from the account.
pub fn insert(conn: &mut DbConnection, org_id: i64, card: &ProjectCard) -> QueryResult<i64> {
    let values = CardValues::of(card);
    let created_at = values.updated_at;
    diesel::insert_into(projects::table)
        .values((projects::org_id.eq(org_id), projects::created_at.eq(created_at), values))
        .returning(projects::id)
        .get_result(conn)
}

/// Replaces a project's card.
pub fn update(conn: &mut DbConnection, id: i64, card: &ProjectCard) -> QueryResult<()> {
    diesel::update(projects::table.find(id))
        .set(CardValues::of(card))
        .execute(conn)
        .map(|_| ())
}

fn filtered<'a>(filter: &ProjectFilter) -> projects::BoxedQuery<'a, Backend> {
    let mut query = projects::table.into_boxed();
    if let Some(pattern) = filter.q.as_deref().and_then(like_pattern) {
        query = query.filter(projects::search.like(pattern).escape('\\'));
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
    let items = rows
        .into_iter()
        .map(|row| {
            let name = names.get(&row.org_id).cloned().unwrap_or_default();
            row.into_dto(name)
        })
        .collect();
    Ok((items, total))
}
