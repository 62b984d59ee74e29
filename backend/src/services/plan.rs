//! The work plan and the results tracking system of a project (Regulation 4.3, expertise
//! criterion (a)): plan items, the completion and on-time figures, reminders, indicators.
//! A project's working records are read like the project and changed by the school's
//! administration, council and teachers.

use super::access::{self, Access};
use super::concurrency::{Expected, claim};
use super::{Caller, Outcome, write};
use crate::clock::today;
use crate::db::DbConnection;
use crate::db::models::attachment::{self, Owner};
use crate::db::models::audit::Event;
use crate::db::models::plan::{self as rows, PlanRow};
use crate::db::models::project::{self, ProjectRow};
use crate::db::models::{Locked, PageRequest, lock, user};
use crate::domain::error::DomainError;
use crate::domain::indicators;
use crate::domain::plan::{self as rules, ItemContext, ItemFields};
use chrono::{Days, NaiveDate};
use diesel::OptionalExtension;
use openapi::FieldErrorCode::NotAllowed;
use openapi::UserId;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::plan::{
    Indicator, IndicatorInput, PlanFilter, PlanItem, PlanItemInput, PlanSummary, Reminder, ReminderKind,
};
use openapi::{IndicatorId, OrganisationId, Page, PageQuery, PlanItemId, ProjectId, limits};

/// Reminders look this many days ahead.
const REMINDER_DAYS: u64 = 14;

/// The completion and on-time percentages of a project's plan (one school year, or all)
/// and its overdue items, as of today (UTC).
pub fn summary(
    conn: &mut DbConnection,
    caller: &Caller,
    project: ProjectId,
    school_year: Option<i32>,
) -> Outcome<PlanSummary> {
    access::project(conn, &caller.actor, project, Access::Read)?;
    let today = today();
    let all = rows::all(conn, project, school_year)?;
    let items: Vec<rules::Item> = all.iter().map(PlanRow::item).collect();
    let figures = rules::figures(&items, today);
    let late: Vec<PlanRow> = all.into_iter().filter(|row| row.item().is_overdue(today)).collect();
    let mut overdue = rows::complete(conn, late, today)?;
    overdue.sort_by_key(|item| (item.deadline, item.id));
    Ok(PlanSummary {
        project_id: project,
        school_year,
        as_of: today,
        items: i64::try_from(items.len()).unwrap_or(i64::MAX),
        due: figures.due,
        done: figures.done,
        done_on_time: figures.done_on_time,
        completion_percent: figures.completion_percent,
        on_time_percent: figures.on_time_percent,
        overdue,
    })
}

/// The caller's reminders, the nearest date first: their open plan items due within 14
/// days or overdue, the risks they own whose review date has passed, and the events
/// they attended whose organisers ask for their feedback.
pub fn reminders(conn: &mut DbConnection, caller: &Caller) -> Outcome<Vec<Reminder>> {
    let today = today();
    let until = today.checked_add_days(Days::new(REMINDER_DAYS)).unwrap_or(today);
    let (open, titles): (Vec<PlanRow>, Vec<String>) =
        rows::open_for(conn, caller.actor.user_id, until)?.into_iter().unzip();
    let items = rows::complete(conn, open, today)?;
    let mut reminders: Vec<Reminder> = items
        .into_iter()
        .zip(titles)
        .map(|(item, project_title)| Reminder {
            kind: ReminderKind::PlanItem,
            event_id: None,
            project_id: Some(item.project_id),
            project_title: Some(project_title),
            title: item.action.clone(),
            due_on: item.deadline,
            days_left: (item.deadline - today).num_days(),
            item: Some(item),
            risk: None,
        })
        .collect();
    reminders.extend(super::risks::reminders(conn, caller.actor.user_id, today)?);
    reminders.extend(super::events::reminders(conn, caller.actor.user_id, today)?);
    reminders.sort_by_key(|reminder| (reminder.due_on, reminder.kind));
    Ok(reminders)
}

/// One page of a project's plan items by deadline, each marked overdue when it is.
pub fn items(
    conn: &mut DbConnection,
    caller: &Caller,
    project: ProjectId,
    page: &PageQuery,
    filter: &PlanFilter,
) -> Outcome<Page<PlanItem>> {
    let page = PageRequest::parse(page)?;
    access::project(conn, &caller.actor, project, Access::Read)?;
    let (items, total) = rows::list(conn, project, filter, page, today())?;
    Ok(page.wrap(items, total))
}

/// Plans an item (the school's administration, council or staff); a project has at most
/// `limits::PLAN_ITEMS` (`item_limit`), counted under the project's lock.
pub fn create_item(
    conn: &mut DbConnection,
    caller: &Caller,
    project: ProjectId,
    input: &PlanItemInput,
) -> Outcome<PlanItem> {
    write(conn, |conn| {
        let row = access::project_work(conn, &caller.actor, project, Access::Edit)?;
        lock(conn, Locked::Project, project.0)?;
        let items = rows::count_items(conn, project)?;
        DomainError::room_for_one(items, limits::PLAN_ITEMS, "plan items of the project")?;
        let today = today();
        let fields = resolve(conn, &row, input, None, today)?;
        let org = OrganisationId(row.org_id);
        let id = rows::insert(conn, project, org, &fields)?;
        let created = rows::load(conn, id, today)?;
        Event::new(AuditAction::Create, AuditEntity::PlanItem, id)
            .by(caller.actor.user_id)
            .of(org)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// Rewrites an item: its status, evidence and completion date as the work goes. A done
/// item needs its completion date and evidence (a link, a description or an attached file).
/// The change is made on the `expected` version.
pub fn update_item(
    conn: &mut DbConnection,
    caller: &Caller,
    id: PlanItemId,
    expected: Expected,
    input: &PlanItemInput,
) -> Outcome<PlanItem> {
    write(conn, |conn| {
        let row = access::plan_item(conn, &caller.actor, id, Access::Edit)?;
        claim(expected, row.version, |version| {
            rows::item_versions::claim(conn, id.0, version)
        })?;
        let (project, _) = project::find(conn, ProjectId(row.project_id))?;
        let today = today();
        let fields = resolve(conn, &project, input, Some(id), today)?;
        let org = row.org();
        let before = rows::represent(conn, row, today)?;
        rows::update(conn, id, &fields)?;
        let after = rows::load(conn, id, today)?;
        Event::new(AuditAction::Update, AuditEntity::PlanItem, id)
            .by(caller.actor.user_id)
            .of(org)
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// Removes an item from the plan with its files; returns the storage keys of the files,
/// for the caller to remove once the transaction is committed.
pub fn delete_item(conn: &mut DbConnection, caller: &Caller, id: PlanItemId) -> Outcome<Vec<String>> {
    write(conn, |conn| {
        let row = access::plan_item(conn, &caller.actor, id, Access::Edit)?;
        let org = row.org();
        let before = rows::represent(conn, row, today())?;
        let keys = attachment::delete_of(conn, Owner::PlanItem(id))?;
        rows::delete(conn, id)?;
        Event::new(AuditAction::Delete, AuditEntity::PlanItem, id)
            .by(caller.actor.user_id)
            .of(org)
            .before(&before)
            .record(conn)?;
        Ok(keys)
    })
}

/// The indicators of a project's results tracking system with their targets and actual
/// values by school year.
pub fn indicators(conn: &mut DbConnection, caller: &Caller, project: ProjectId) -> Outcome<Vec<Indicator>> {
    access::project(conn, &caller.actor, project, Access::Read)?;
    Ok(rows::indicators_of(conn, project)?)
}

/// Adds an indicator (the school's administration, council or staff); a project has at
/// most `limits::INDICATORS` (`item_limit`), counted under the project's lock.
pub fn create_indicator(
    conn: &mut DbConnection,
    caller: &Caller,
    project: ProjectId,
    input: &IndicatorInput,
) -> Outcome<Indicator> {
    write(conn, |conn| {
        let row = access::project_work(conn, &caller.actor, project, Access::Edit)?;
        let fields = indicators::parse(input, (row.start_year, row.end_year))?;
        lock(conn, Locked::Project, project.0)?;
        let indicators = rows::count_indicators(conn, project)?;
        DomainError::room_for_one(indicators, limits::INDICATORS, "indicators of the project")?;
        let org = OrganisationId(row.org_id);
        let id = rows::insert_indicator(conn, project, org, &fields.title, &fields.unit, &input.values)?;
        let created = rows::load_indicator(conn, id)?;
        Event::new(AuditAction::Create, AuditEntity::Indicator, id)
            .by(caller.actor.user_id)
            .of(org)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// Rewrites an indicator: its title, unit, targets and actual values, made on the
/// `expected` version.
pub fn update_indicator(
    conn: &mut DbConnection,
    caller: &Caller,
    id: IndicatorId,
    expected: Expected,
    input: &IndicatorInput,
) -> Outcome<Indicator> {
    write(conn, |conn| {
        let (project, org) = access::indicator(conn, &caller.actor, id, Access::Edit)?;
        let (row, _) = project::find(conn, project)?;
        let fields = indicators::parse(input, (row.start_year, row.end_year))?;
        let before = rows::load_indicator(conn, id)?;
        claim(expected, before.version, |version| {
            rows::indicator_versions::claim(conn, id.0, version)
        })?;
        rows::update_indicator(conn, id, &fields.title, &fields.unit, &input.values)?;
        let after = rows::load_indicator(conn, id)?;
        Event::new(AuditAction::Update, AuditEntity::Indicator, id)
            .by(caller.actor.user_id)
            .of(org)
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// Checks an item against its project and fills the responsible person's name from
/// their account, which must be an active one of the school.
fn resolve(
    conn: &mut DbConnection,
    project: &ProjectRow,
    input: &PlanItemInput,
    item: Option<PlanItemId>,
    today: NaiveDate,
) -> Outcome<ItemFields> {
    let has_files = match item {
        Some(id) => attachment::count(conn, Owner::PlanItem(id))? > 0,
        None => false,
    };
    let context = ItemContext {
        years: (project.start_year, project.end_year),
        today,
        has_files,
    };
    let mut fields = rules::parse_item(input, context)?;
    if let Some(id) = fields.responsible_id {
        match user::find(conn, UserId(id)).optional()? {
            Some(row) if row.org_id == project.org_id && row.is_active => fields.responsible_name = row.full_name,
            _ => {
                return Err(DomainError::field(
                    "responsible_id",
                    NotAllowed,
                    "must be an active account of this school",
                )
                .into());
            }
        }
    }
    Ok(fields)
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
