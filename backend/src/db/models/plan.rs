//! The `plan_items`, `indicators` and `indicator_values` tables.

use super::attachment::Owner;
use super::{Backend, PageRequest};
use crate::db::DbConnection;
use crate::db::schema::{indicator_values, indicators, plan_items, projects};
use crate::domain::plan::{self, ItemFields};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use openapi::plan::{Indicator, IndicatorValue, IndicatorValueInput, PlanFilter, PlanItem, PlanStatus};
use openapi::{IndicatorId, OrganisationId, PlanItemId, ProjectId, UserId};
use std::collections::HashMap;

/// A row of `plan_items`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = plan_items)]
pub struct PlanRow {
    /// Id.
    pub id: i64,
    /// Project.
    pub project_id: i64,
    /// School.
    pub org_id: i64,
    /// School year.
    pub school_year: i32,
    /// Action.
    pub action: String,
    /// Responsible account.
    pub responsible_id: Option<i64>,
    /// Responsible name.
    pub responsible_name: String,
    /// Deadline.
    pub deadline: NaiveDate,
    /// Expected result.
    pub expected_result: String,
    /// Status.
    pub status: String,
    /// Evidence.
    pub evidence: String,
    /// Completion date.
    pub done_on: Option<NaiveDate>,
    /// Creation.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
}

impl PlanRow {
    /// The school.
    pub fn org(&self) -> OrganisationId {
        OrganisationId(self.org_id)
    }

    /// The fields the figures need.
    pub fn item(&self) -> plan::Item {
        plan::Item {
            deadline: self.deadline,
            status: PlanStatus::parse(&self.status).unwrap_or(PlanStatus::Planned),
            done_on: self.done_on,
        }
    }

    /// The API representation on `today`, with its files.
    fn into_dto(self, today: NaiveDate, attachments: Vec<openapi::plan::Attachment>) -> PlanItem {
        let item = self.item();
        PlanItem {
            id: self.id,
            project_id: ProjectId(self.project_id),
            school_year: self.school_year,
            action: self.action,
            responsible_id: self.responsible_id.map(UserId),
            responsible_name: self.responsible_name,
            deadline: self.deadline,
            expected_result: self.expected_result,
            status: item.status,
            evidence: self.evidence,
            done_on: self.done_on,
            attachments,
            overdue: item.is_overdue(today),
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
            version: self.version,
        }
    }
}

/// The API representation of rows on `today`, with their files: one more query.
pub fn complete(conn: &mut DbConnection, rows: Vec<PlanRow>, today: NaiveDate) -> QueryResult<Vec<PlanItem>> {
    let owners: Vec<Owner> = rows.iter().map(|row| Owner::PlanItem(PlanItemId(row.id))).collect();
    let mut files = super::attachment::of_many(conn, &owners)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let id = row.id;
            row.into_dto(today, files.remove(&id).unwrap_or_default())
        })
        .collect())
}

/// The API representation of one item row on `today`.
pub fn represent(conn: &mut DbConnection, row: PlanRow, today: NaiveDate) -> QueryResult<PlanItem> {
    complete(conn, vec![row], today)?
        .pop()
        .ok_or(diesel::result::Error::NotFound)
}

/// The API representation of one item on `today`.
pub fn load(conn: &mut DbConnection, id: PlanItemId, today: NaiveDate) -> QueryResult<PlanItem> {
    let row = find(conn, id)?;
    represent(conn, row, today)
}

/// One plan item row.
pub fn find(conn: &mut DbConnection, id: PlanItemId) -> QueryResult<PlanRow> {
    plan_items::table.find(id.0).select(PlanRow::as_select()).first(conn)
}

/// How many plan items a project has.
pub fn count_items(conn: &mut DbConnection, project: ProjectId) -> QueryResult<i64> {
    plan_items::table
        .filter(plan_items::project_id.eq(project.0))
        .count()
        .get_result(conn)
}

/// How many indicators a project has.
pub fn count_indicators(conn: &mut DbConnection, project: ProjectId) -> QueryResult<i64> {
    indicators::table
        .filter(indicators::project_id.eq(project.0))
        .count()
        .get_result(conn)
}

/// Plans an item.
pub fn insert(
    conn: &mut DbConnection,
    project: ProjectId,
    org: OrganisationId,
    fields: &ItemFields,
) -> QueryResult<PlanItemId> {
    let now = super::now();
    diesel::insert_into(plan_items::table)
        .values((
            plan_items::project_id.eq(project.0),
            plan_items::org_id.eq(org.0),
            plan_items::school_year.eq(fields.school_year),
            plan_items::action.eq(&fields.action),
            plan_items::responsible_id.eq(fields.responsible_id),
            plan_items::responsible_name.eq(&fields.responsible_name),
            plan_items::deadline.eq(fields.deadline),
            plan_items::expected_result.eq(&fields.expected_result),
            plan_items::status.eq(fields.status.as_str()),
            plan_items::evidence.eq(&fields.evidence),
            plan_items::done_on.eq(fields.done_on),
            plan_items::created_at.eq(now),
            plan_items::updated_at.eq(now),
        ))
        .returning(plan_items::id)
        .get_result(conn)
        .map(PlanItemId)
}

/// Rewrites an item.
pub fn update(conn: &mut DbConnection, id: PlanItemId, fields: &ItemFields) -> QueryResult<()> {
    diesel::update(plan_items::table.find(id.0))
        .set((
            plan_items::school_year.eq(fields.school_year),
            plan_items::action.eq(&fields.action),
            plan_items::responsible_id.eq(fields.responsible_id),
            plan_items::responsible_name.eq(&fields.responsible_name),
            plan_items::deadline.eq(fields.deadline),
            plan_items::expected_result.eq(&fields.expected_result),
            plan_items::status.eq(fields.status.as_str()),
            plan_items::evidence.eq(&fields.evidence),
            plan_items::done_on.eq(fields.done_on),
            plan_items::updated_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Removes an item.
pub fn delete(conn: &mut DbConnection, id: PlanItemId) -> QueryResult<()> {
    diesel::delete(plan_items::table.find(id.0)).execute(conn).map(|_| ())
}

fn filtered<'a>(project: ProjectId, filter: &PlanFilter) -> plan_items::BoxedQuery<'a, Backend> {
    let mut query = plan_items::table
        .filter(plan_items::project_id.eq(project.0))
        .into_boxed();
    if let Some(year) = filter.school_year {
        query = query.filter(plan_items::school_year.eq(year));
    }
    if let Some(status) = filter.status {
        query = query.filter(plan_items::status.eq(status.as_str()));
    }
    query
}

/// One page of a project's plan, by deadline, and the total.
pub fn list(
    conn: &mut DbConnection,
    project: ProjectId,
    filter: &PlanFilter,
    page: PageRequest,
    today: NaiveDate,
) -> QueryResult<(Vec<PlanItem>, i64)> {
    let total = filtered(project, filter).count().get_result(conn)?;
    let rows: Vec<PlanRow> = filtered(project, filter)
        .order((plan_items::deadline, plan_items::id))
        .limit(page.limit())
        .offset(page.offset())
        .select(PlanRow::as_select())
        .load(conn)?;
    Ok((complete(conn, rows, today)?, total))
}

/// Every item of a project (of one school year, or all), by deadline.
pub fn all(conn: &mut DbConnection, project: ProjectId, school_year: Option<i32>) -> QueryResult<Vec<PlanRow>> {
    let filter = PlanFilter {
        school_year,
        status: None,
    };
    filtered(project, &filter)
        .order((plan_items::deadline, plan_items::id))
        .select(PlanRow::as_select())
        .load(conn)
}

/// The open items a person is responsible for with a deadline before `until`, overdue
/// ones included, with their projects' titles, by deadline.
pub fn open_for(conn: &mut DbConnection, user: UserId, until: NaiveDate) -> QueryResult<Vec<(PlanRow, String)>> {
    plan_items::table
        .inner_join(projects::table)
        .filter(plan_items::responsible_id.eq(user.0))
        .filter(plan_items::status.eq_any([PlanStatus::Planned.as_str(), PlanStatus::InProgress.as_str()]))
        .filter(plan_items::deadline.le(until))
        .order((plan_items::deadline, plan_items::id))
        .limit(100)
        .select((PlanRow::as_select(), projects::title))
        .load(conn)
}

/// A row of `indicators`: id, project, school, title, unit.
type IndicatorRow = (i64, i64, i64, String, String, i32);

/// One indicator's project and school.
pub fn find_indicator(conn: &mut DbConnection, id: IndicatorId) -> QueryResult<(ProjectId, OrganisationId)> {
    indicators::table
        .find(id.0)
        .select((indicators::project_id, indicators::org_id))
        .first(conn)
        .map(|(project, org)| (ProjectId(project), OrganisationId(org)))
}

fn write_values(conn: &mut DbConnection, id: i64, values: &[IndicatorValueInput]) -> QueryResult<()> {
    diesel::delete(indicator_values::table.filter(indicator_values::indicator_id.eq(id))).execute(conn)?;
    for value in values {
        diesel::insert_into(indicator_values::table)
            .values((
                indicator_values::indicator_id.eq(id),
                indicator_values::school_year.eq(value.school_year),
                indicator_values::target.eq(value.target),
                indicator_values::actual.eq(value.actual),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Adds an indicator with its values.
pub fn insert_indicator(
    conn: &mut DbConnection,
    project: ProjectId,
    org: OrganisationId,
    title: &str,
    unit: &str,
    values: &[IndicatorValueInput],
) -> QueryResult<IndicatorId> {
    let now = super::now();
    let id = diesel::insert_into(indicators::table)
        .values((
            indicators::project_id.eq(project.0),
            indicators::org_id.eq(org.0),
            indicators::title.eq(title),
            indicators::unit.eq(unit),
            indicators::created_at.eq(now),
            indicators::updated_at.eq(now),
        ))
        .returning(indicators::id)
        .get_result(conn)?;
    write_values(conn, id, values)?;
    Ok(IndicatorId(id))
}

/// Rewrites an indicator and its values.
pub fn update_indicator(
    conn: &mut DbConnection,
    id: IndicatorId,
    title: &str,
    unit: &str,
    values: &[IndicatorValueInput],
) -> QueryResult<()> {
    diesel::update(indicators::table.find(id.0))
        .set((
            indicators::title.eq(title),
            indicators::unit.eq(unit),
            indicators::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    write_values(conn, id.0, values)
}

fn complete_indicators(conn: &mut DbConnection, rows: Vec<IndicatorRow>) -> QueryResult<Vec<Indicator>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.0).collect();
    let value_rows: Vec<(i64, i32, f64, Option<f64>)> = indicator_values::table
        .filter(indicator_values::indicator_id.eq_any(&ids))
        .order((indicator_values::indicator_id, indicator_values::school_year))
        .select((
            indicator_values::indicator_id,
            indicator_values::school_year,
            indicator_values::target,
            indicator_values::actual,
        ))
        .load(conn)?;
    let mut values: HashMap<i64, Vec<IndicatorValue>> = HashMap::new();
    for (indicator, school_year, target, actual) in value_rows {
        let achieved_percent = actual
            .filter(|_| target > 0.0)
            .map(|actual| (actual * 1000.0 / target).round() / 10.0);
        values.entry(indicator).or_default().push(IndicatorValue {
            school_year,
            target,
            actual,
            achieved_percent,
        });
    }
    Ok(rows
        .into_iter()
        .map(|(id, project, _, title, unit, version)| Indicator {
            id,
            project_id: ProjectId(project),
            title,
            unit,
            values: values.remove(&id).unwrap_or_default(),
            version,
        })
        .collect())
}

/// A project's indicators in the order they were added.
pub fn indicators_of(conn: &mut DbConnection, project: ProjectId) -> QueryResult<Vec<Indicator>> {
    let rows: Vec<IndicatorRow> = indicators::table
        .filter(indicators::project_id.eq(project.0))
        .order(indicators::id)
        .select((
            indicators::id,
            indicators::project_id,
            indicators::org_id,
            indicators::title,
            indicators::unit,
            indicators::version,
        ))
        .load(conn)?;
    complete_indicators(conn, rows)
}

/// One indicator.
pub fn load_indicator(conn: &mut DbConnection, id: IndicatorId) -> QueryResult<Indicator> {
    let rows: Vec<IndicatorRow> = indicators::table
        .filter(indicators::id.eq(id.0))
        .select((
            indicators::id,
            indicators::project_id,
            indicators::org_id,
            indicators::title,
            indicators::unit,
            indicators::version,
        ))
        .load(conn)?;
    complete_indicators(conn, rows)?
        .pop()
        .ok_or(diesel::result::Error::NotFound)
}

/// The version queries of `plan_items`.
pub mod item_versions {
    versioned!(plan_items);
}

/// The version queries of `indicators`.
pub mod indicator_versions {
    versioned!(indicators);
}
