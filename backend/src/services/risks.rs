//! The risk registers of projects and pilots (Regulation 1.3 b): risks scored by
//! likelihood × impact with the ways to overcome them, each with its history of changes,
//! and the reviews due among their owners' reminders. A project's risks are read and
//! changed like its working records; a pilot's like the pilot.

use super::access::{self, Access};
use super::concurrency::{Expected, claim};
use super::{Caller, Outcome, write};
use crate::clock::today;
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::risk::{self as rows, Parent};
use crate::db::models::{Locked, PageRequest, lock, pilot, project, user};
use crate::domain::error::DomainError;
use crate::domain::risks::{self as rules, RiskFields};
use chrono::NaiveDate;
use openapi::FieldErrorCode::NotAllowed;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::plan::{Reminder, ReminderKind};
use openapi::risks::{Risk, RiskChange, RiskFilter, RiskInput};
use openapi::{OrganisationId, Page, PageQuery, PilotId, ProjectId, RiskId, UserId, limits};

/// The school of a register the caller asks for, checked for `access`.
fn register(conn: &mut DbConnection, caller: &Caller, parent: Parent, access: Access) -> Outcome<OrganisationId> {
    match parent {
        Parent::Project(id) => {
            let row = access::project_work(conn, &caller.actor, id, access)?;
            Ok(OrganisationId(row.org_id))
        }
        Parent::Pilot(id) => Ok(access::pilot(conn, &caller.actor, id, access)?.0.org()),
    }
}

/// One page of a project's or a pilot's register, the highest score first, of one status
/// when asked.
fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    parent: Parent,
    page: &PageQuery,
    filter: &RiskFilter,
) -> Outcome<Page<Risk>> {
    let page = PageRequest::parse(page)?;
    register(conn, caller, parent, Access::Read)?;
    let (items, total) = rows::list(conn, parent, filter, page, today())?;
    Ok(page.wrap(items, total))
}

/// The risks of a project.
pub fn list_of_project(
    conn: &mut DbConnection,
    caller: &Caller,
    project: ProjectId,
    page: &PageQuery,
    filter: &RiskFilter,
) -> Outcome<Page<Risk>> {
    list(conn, caller, Parent::Project(project), page, filter)
}

/// The risks of a pilot.
pub fn list_of_pilot(
    conn: &mut DbConnection,
    caller: &Caller,
    pilot: PilotId,
    page: &PageQuery,
    filter: &RiskFilter,
) -> Outcome<Page<Risk>> {
    list(conn, caller, Parent::Pilot(pilot), page, filter)
}

/// One risk.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: RiskId) -> Outcome<Risk> {
    access::risk(conn, &caller.actor, id, Access::Read)?;
    Ok(rows::load(conn, id, today())?)
}

/// Records a risk of a project or a pilot (the school's administration, council or
/// teachers); its owner must be an active account of the school. A register holds at most
/// `limits::RISKS` (`item_limit`), counted under its parent's lock.
fn create(conn: &mut DbConnection, caller: &Caller, parent: Parent, input: &RiskInput) -> Outcome<Risk> {
    let fields = rules::parse(input)?;
    write(conn, |conn| {
        let org = register(conn, caller, parent, Access::Edit)?;
        check_owner(conn, org, &fields)?;
        match parent {
            Parent::Project(id) => lock(conn, Locked::Project, id.0)?,
            Parent::Pilot(id) => lock(conn, Locked::Pilot, id.0)?,
        }
        let risks = rows::count_of(conn, parent)?;
        DomainError::room_for_one(risks, limits::RISKS, "risks in the register")?;
        let id = rows::insert(conn, org, parent, &fields, caller.actor.user_id)?;
        let created = rows::load(conn, id, today())?;
        Event::new(AuditAction::Create, AuditEntity::Risk, id.0)
            .by(caller.actor.user_id)
            .of(org)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// Records a risk of a project.
pub fn create_for_project(
    conn: &mut DbConnection,
    caller: &Caller,
    project: ProjectId,
    input: &RiskInput,
) -> Outcome<Risk> {
    create(conn, caller, Parent::Project(project), input)
}

/// Records a risk of a pilot.
pub fn create_for_pilot(conn: &mut DbConnection, caller: &Caller, pilot: PilotId, input: &RiskInput) -> Outcome<Risk> {
    create(conn, caller, Parent::Pilot(pilot), input)
}

/// Rewrites a risk made on the `expected` version; a change of its status, likelihood,
/// impact or review date is appended to its history with the input's note.
pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: RiskId,
    expected: Expected,
    input: &RiskInput,
) -> Outcome<Risk> {
    let fields = rules::parse(input)?;
    write(conn, |conn| {
        let row = access::risk(conn, &caller.actor, id, Access::Edit)?;
        claim(expected, row.version, |version| rows::claim(conn, id.0, version))?;
        let org = row.org();
        check_owner(conn, org, &fields)?;
        let today = today();
        let changes = rules::changes(row.tracked(), fields.tracked);
        let before = rows::represent(conn, row, today)?;
        rows::update(conn, id, &fields)?;
        rows::record_changes(conn, id, caller.actor.user_id, &changes, fields.note.as_deref())?;
        let after = rows::load(conn, id, today)?;
        Event::new(AuditAction::Update, AuditEntity::Risk, id.0)
            .by(caller.actor.user_id)
            .of(org)
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// One page of a risk's history, oldest first: who changed its status, likelihood,
/// impact or review date, when, from what to what, and why.
pub fn history(conn: &mut DbConnection, caller: &Caller, id: RiskId, page: &PageQuery) -> Outcome<Page<RiskChange>> {
    let page = PageRequest::parse(page)?;
    access::risk(conn, &caller.actor, id, Access::Read)?;
    let (items, total) = rows::history(conn, id, page)?;
    Ok(page.wrap(items, total))
}

/// The reminders of the risks `owner` owns whose review date has passed and that are not
/// closed, the oldest review first, each with its project (a pilot's through its
/// resource).
pub fn reminders(conn: &mut DbConnection, owner: UserId, today: NaiveDate) -> Outcome<Vec<Reminder>> {
    let due = rows::due_for_review(conn, owner, today)?;
    let pilots: Vec<i64> = due.iter().filter_map(|row| row.pilot_id).collect();
    let projects_of_pilots = pilot::projects_of(conn, &pilots)?;
    let project_of = |row: &rows::RiskRow| match row.parent() {
        Parent::Project(project) => Some(project.0),
        Parent::Pilot(pilot) => projects_of_pilots.get(&pilot.0).copied(),
    };
    let projects: Vec<Option<i64>> = due.iter().map(project_of).collect();
    let titles = project::titles(conn, projects.iter().flatten().copied())?;
    let risks = rows::complete(conn, due, today)?;
    Ok(risks
        .into_iter()
        .zip(projects)
        .filter_map(|(risk, project)| {
            let project = project?;
            let due_on = risk.next_review_on?;
            Some(Reminder {
                kind: ReminderKind::RiskReview,
                item: None,
                event_id: None,
                project_id: Some(ProjectId(project)),
                project_title: Some(titles.get(&project).cloned().unwrap_or_default()),
                title: risk.title.clone(),
                due_on,
                days_left: (due_on - today).num_days(),
                risk: Some(risk),
            })
        })
        .collect())
}

/// The owner must be an active account of the risk's school.
fn check_owner(conn: &mut DbConnection, org: OrganisationId, fields: &RiskFields) -> Outcome<()> {
    let owner = UserId(fields.owner_id);
    if user::active_of(conn, org, &[owner])?.contains(&owner) {
        Ok(())
    } else {
        Err(DomainError::field("owner_id", NotAllowed, "must be an active account of this school").into())
    }
}

#[cfg(test)]
#[path = "risks_tests.rs"]
mod tests;
