//! The `structures`, `structure_members` and `structure_approvals` tables.

use crate::db::DbConnection;
use crate::db::schema::{structure_approvals, structure_members, structures, users};
use crate::domain::structures::Composition;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use openapi::structures::{
    MemberFunction, Structure, StructureApproval, StructureKind, StructureMember, StructureStatus,
};
use openapi::{OrganisationId, ProjectId, StructureId, UserId};
use std::collections::HashMap;

/// A row of `structures`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = structures)]
pub struct StructureRow {
    /// Id.
    pub id: i64,
    /// School.
    pub org_id: i64,
    /// Project.
    pub project_id: i64,
    /// Kind.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Status.
    pub status: String,
    /// Formation time.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
}

impl StructureRow {
    /// The status.
    pub fn status(&self) -> StructureStatus {
        StructureStatus::parse(&self.status).unwrap_or(StructureStatus::Draft)
    }
}

/// One structure row.
pub fn find(conn: &mut DbConnection, id: StructureId) -> QueryResult<StructureRow> {
    structures::table
        .find(id.0)
        .select(StructureRow::as_select())
        .first(conn)
}

fn write_members(conn: &mut DbConnection, id: i64, composition: &Composition) -> QueryResult<()> {
    diesel::delete(structure_members::table.filter(structure_members::structure_id.eq(id))).execute(conn)?;
    for (user, function, competence) in &composition.members {
        diesel::insert_into(structure_members::table)
            .values((
                structure_members::structure_id.eq(id),
                structure_members::user_id.eq(user),
                structure_members::function.eq(function.as_str()),
                structure_members::competence.eq(competence),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// How many structures a project has.
pub fn count_of(conn: &mut DbConnection, project: ProjectId) -> QueryResult<i64> {
    structures::table
        .filter(structures::project_id.eq(project.0))
        .count()
        .get_result(conn)
}

/// Forms a structure (a draft).
pub fn insert(
    conn: &mut DbConnection,
    org: OrganisationId,
    project: ProjectId,
    composition: &Composition,
) -> QueryResult<StructureId> {
    let now = super::now();
    let id = diesel::insert_into(structures::table)
        .values((
            structures::org_id.eq(org.0),
            structures::project_id.eq(project.0),
            structures::kind.eq(composition.kind.as_str()),
            structures::name.eq(&composition.name),
            structures::status.eq(StructureStatus::Draft.as_str()),
            structures::created_at.eq(now),
            structures::updated_at.eq(now),
        ))
        .returning(structures::id)
        .get_result(conn)?;
    write_members(conn, id, composition)?;
    Ok(StructureId(id))
}

/// Replaces a structure's name, kind and members, with its new status.
pub fn update(
    conn: &mut DbConnection,
    id: StructureId,
    composition: &Composition,
    status: StructureStatus,
) -> QueryResult<()> {
    diesel::update(structures::table.find(id.0))
        .set((
            structures::kind.eq(composition.kind.as_str()),
            structures::name.eq(&composition.name),
            structures::status.eq(status.as_str()),
            structures::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    write_members(conn, id.0, composition)
}

/// Records the director's approval of the current composition, naming the structure's
/// version the director approved.
pub fn approve(
    conn: &mut DbConnection,
    id: StructureId,
    members: &[StructureMember],
    approved_version: i32,
    actor: UserId,
) -> QueryResult<()> {
    let (id, actor) = (id.0, actor.0);
    super::lock(conn, super::Locked::Structure, id)?;
    let last: Option<i32> = structure_approvals::table
        .filter(structure_approvals::structure_id.eq(id))
        .select(diesel::dsl::max(structure_approvals::number))
        .first(conn)?;
    let now = super::now();
    let snapshot = serde_json::to_string(members).unwrap_or_else(|_| "[]".to_owned());
    diesel::insert_into(structure_approvals::table)
        .values((
            structure_approvals::structure_id.eq(id),
            structure_approvals::number.eq(last.unwrap_or(0) + 1),
            structure_approvals::members_json.eq(snapshot),
            structure_approvals::approved_by.eq(actor),
            structure_approvals::approved_at.eq(now),
            structure_approvals::structure_version.eq(approved_version),
        ))
        .execute(conn)?;
    diesel::update(structures::table.find(id))
        .set((
            structures::status.eq(StructureStatus::Approved.as_str()),
            structures::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

type ApprovalRow = (i64, i32, String, Option<i64>, NaiveDateTime, Option<i32>);

/// Completes rows with members and approvals, in three queries.
pub fn complete(conn: &mut DbConnection, rows: Vec<StructureRow>) -> QueryResult<Vec<Structure>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let member_rows: Vec<(i64, i64, String, String, String)> = structure_members::table
        .inner_join(users::table)
        .filter(structure_members::structure_id.eq_any(&ids))
        .select((
            structure_members::structure_id,
            structure_members::user_id,
            users::full_name,
            structure_members::function,
            structure_members::competence,
        ))
        .load(conn)?;
    let mut members: HashMap<i64, Vec<StructureMember>> = HashMap::new();
    for (structure, user, name, function, competence) in member_rows {
        members.entry(structure).or_default().push(StructureMember {
            user_id: UserId(user),
            name,
            function: MemberFunction::parse(&function).unwrap_or(MemberFunction::Member),
            competence,
        });
    }
    let approval_rows: Vec<ApprovalRow> = structure_approvals::table
        .filter(structure_approvals::structure_id.eq_any(&ids))
        .order(structure_approvals::number.desc())
        .select((
            structure_approvals::structure_id,
            structure_approvals::number,
            structure_approvals::members_json,
            structure_approvals::approved_by,
            structure_approvals::approved_at,
            structure_approvals::structure_version,
        ))
        .load(conn)?;
    let names = super::user::full_names(conn, approval_rows.iter().filter_map(|row| row.3))?;
    let mut approvals: HashMap<i64, Vec<StructureApproval>> = HashMap::new();
    for (structure, number, snapshot, by, at, structure_version) in approval_rows {
        approvals.entry(structure).or_default().push(StructureApproval {
            number,
            members: serde_json::from_str(&snapshot).unwrap_or_default(),
            approved_by: by.map(UserId),
            approved_by_name: by.and_then(|by| names.get(&by).cloned()),
            approved_at: at.and_utc(),
            structure_version,
        });
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let mut current = members.remove(&row.id).unwrap_or_default();
            current.sort_by(|a, b| a.function.cmp(&b.function).then_with(|| a.name.cmp(&b.name)));
            Structure {
                id: row.id,
                org_id: OrganisationId(row.org_id),
                project_id: ProjectId(row.project_id),
                kind: StructureKind::parse(&row.kind).unwrap_or(StructureKind::CreativeGroup),
                name: row.name.clone(),
                status: row.status(),
                members: current,
                approvals: approvals.remove(&row.id).unwrap_or_default(),
                created_at: row.created_at.and_utc(),
                updated_at: row.updated_at.and_utc(),
                version: row.version,
            }
        })
        .collect())
}

/// The API representation of one structure.
pub fn load(conn: &mut DbConnection, id: StructureId) -> QueryResult<Structure> {
    let row = find(conn, id)?;
    present(conn, row)
}

/// The API representation of a structure row already read: its members and approvals.
pub fn present(conn: &mut DbConnection, row: StructureRow) -> QueryResult<Structure> {
    complete(conn, vec![row])?.pop().ok_or(diesel::result::Error::NotFound)
}

/// The structures of a project, in the order they were formed.
pub fn for_project(conn: &mut DbConnection, project: ProjectId) -> QueryResult<Vec<Structure>> {
    let rows = structures::table
        .filter(structures::project_id.eq(project.0))
        .order(structures::id)
        .select(StructureRow::as_select())
        .load(conn)?;
    complete(conn, rows)
}

/// The structures of a school waiting for the director's approval.
pub fn awaiting_approval(conn: &mut DbConnection, org: OrganisationId) -> QueryResult<Vec<Structure>> {
    let rows = structures::table
        .filter(structures::org_id.eq(org.0))
        .filter(structures::status.ne(StructureStatus::Approved.as_str()))
        .order(structures::id)
        .select(StructureRow::as_select())
        .load(conn)?;
    complete(conn, rows)
}

versioned!(structures);
