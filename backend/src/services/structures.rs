//! Managing structures of a project (Regulation 4.2): formed and changed by the school's
//! administration and council, their composition approved by the director; every
//! approval keeps a snapshot of the members in the history.

use super::access::{self, Access};
use super::concurrency::{Expected, claim, claimed};
use super::{Caller, Outcome, write};
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::{Locked, lock, structure, user};
use crate::domain::error::DomainError;
use crate::domain::policy;
use crate::domain::structures::{self as rules, Composition};
use crate::domain::text::field_error;
use crate::error::ApiError;
use openapi::FieldErrorCode::NotAllowed;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::structures::{Structure, StructureInput};
use openapi::{OrganisationId, ProjectId, StructureId, UserId, limits};

/// The structures of a project with their members and approval history, in the order
/// they were formed.
pub fn list(conn: &mut DbConnection, caller: &Caller, project: ProjectId) -> Outcome<Vec<Structure>> {
    access::project(conn, &caller.actor, project, Access::Read)?;
    Ok(structure::for_project(conn, project)?)
}

/// Forms a structure of a project (the school's administration or council); it is a
/// draft until the director approves it. A project has at most `limits::STRUCTURES`
/// (`item_limit`), counted under the project's lock.
pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    project: ProjectId,
    input: &StructureInput,
) -> Outcome<Structure> {
    let composition = rules::parse(input)?;
    write(conn, |conn| {
        let row = access::project(conn, &caller.actor, project, Access::Edit)?;
        let org = OrganisationId(row.org_id);
        check_members(conn, org, &composition)?;
        lock(conn, Locked::Project, project.0)?;
        let structures = structure::count_of(conn, project)?;
        DomainError::room_for_one(structures, limits::STRUCTURES, "structures of the project")?;
        let id = structure::insert(conn, org, project, &composition)?;
        let created = structure::load(conn, id)?;
        Event::new(AuditAction::Create, AuditEntity::Structure, id)
            .by(caller.actor.user_id)
            .of(created.org_id)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// Changes a structure's name, kind or members (administration or council), made on
/// the `expected` version. A change after an approval makes it `changed`: it needs the
/// director's approval again.
pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: StructureId,
    expected: Expected,
    input: &StructureInput,
) -> Outcome<Structure> {
    let composition = rules::parse(input)?;
    write(conn, |conn| {
        let row = access::structure(conn, &caller.actor, id, Access::Edit)?;
        claim(expected, row.version, |version| structure::claim(conn, id.0, version))?;
        check_members(conn, OrganisationId(row.org_id), &composition)?;
        let status = rules::after_change(row.status());
        let before = structure::present(conn, row)?;
        structure::update(conn, id, &composition, status)?;
        changed(conn, caller, AuditAction::Update, &before)
    })
}

/// The director approves the composition of the `expected` version, the one they read:
/// its members join the approval history, which names that version. A composition
/// changed since is not approved (`412`), nor an approved one again (`already_approved`).
pub fn approve(conn: &mut DbConnection, caller: &Caller, id: StructureId, expected: Expected) -> Outcome<Structure> {
    write(conn, |conn| {
        let row = access::structure(conn, &caller.actor, id, Access::Read)?;
        if !policy::is_director_of(&caller.actor, OrganisationId(row.org_id)) {
            return Err(ApiError::Forbidden);
        }
        let approved = expected.check(row.version)?;
        rules::approvable(row.status())?;
        let before = structure::present(conn, row)?;
        claimed(structure::claim(conn, id.0, approved)?)?;
        structure::approve(conn, id, &before.members, approved, caller.actor.user_id)?;
        changed(conn, caller, AuditAction::Approve, &before)
    })
}

/// Reads the structure after a change and records the change.
fn changed(conn: &mut DbConnection, caller: &Caller, action: AuditAction, before: &Structure) -> Outcome<Structure> {
    let after = structure::load(conn, StructureId(before.id))?;
    Event::new(action, AuditEntity::Structure, after.id)
        .by(caller.actor.user_id)
        .of(after.org_id)
        .before(before)
        .after(&after)
        .record(conn)?;
    Ok(after)
}

/// Every member must be an active account of the school.
fn check_members(conn: &mut DbConnection, org: OrganisationId, composition: &Composition) -> Outcome<()> {
    let ids: Vec<UserId> = composition.members.iter().map(|(user, _, _)| UserId(*user)).collect();
    let found = user::active_of(conn, org, &ids)?;
    let errors: Vec<_> = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| !found.contains(id))
        .map(|(index, _)| {
            field_error(
                &format!("members[{index}].user_id"),
                NotAllowed,
                "must be an active account of this school",
            )
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Invalid(errors).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::seeded::{self, COUNCIL, DIRECTOR, PARTNER, TEACHER, audit_of, caller, fields, reason};
    use openapi::RefusalReason;
    use openapi::structures::{MemberFunction, MemberInput, StructureKind, StructureStatus};

    fn member(user: UserId, function: MemberFunction) -> MemberInput {
        MemberInput {
            user_id: user,
            function,
            competence: "Разработка заданий".into(),
        }
    }

    /// The demo's structure that waits for the director, as the council sees it.
    fn waiting(conn: &mut DbConnection, director: &Caller) -> Structure {
        structure::awaiting_approval(conn, director.actor.org_id)
            .unwrap()
            .into_iter()
            .next()
            .unwrap()
    }

    #[test]
    fn approving_a_structure_keeps_a_snapshot_and_a_later_change_needs_approval_again() {
        let mut conn = seeded::demo();
        let director = caller(&mut conn, DIRECTOR);
        let council = caller(&mut conn, COUNCIL);
        let draft = waiting(&mut conn, &director);
        let id = StructureId(draft.id);
        assert!(matches!(
            approve(&mut conn, &council, id, Expected::Version(draft.version)),
            Err(ApiError::Forbidden)
        ));

        let approved = approve(&mut conn, &director, id, Expected::Version(draft.version)).unwrap();
        assert_eq!(approved.status, StructureStatus::Approved);
        assert_eq!(approved.approvals.len(), 1);
        assert_eq!(approved.approvals[0].members, draft.members);
        assert_eq!(
            reason(approve(&mut conn, &director, id, Expected::Version(approved.version)).unwrap_err()),
            RefusalReason::AlreadyApproved
        );

        let teacher = caller(&mut conn, TEACHER).actor.user_id;
        let input = StructureInput {
            kind: StructureKind::CreativeGroup,
            name: draft.name.clone(),
            members: vec![member(teacher, MemberFunction::Head)],
        };
        let changed = update(&mut conn, &council, id, Expected::Version(approved.version), &input).unwrap();
        assert_eq!(changed.status, StructureStatus::Changed);
        assert_eq!(changed.members.len(), 1);
        assert_eq!(changed.approvals[0].members, draft.members, "the snapshot stays");

        let trail: Vec<String> = audit_of(&mut conn, "structure", draft.id)
            .into_iter()
            .map(|(action, ..)| action)
            .collect();
        assert_eq!(trail, ["approve", "update"]);
    }

    #[test]
    fn a_member_of_another_school_is_refused_at_its_position() {
        let mut conn = seeded::demo();
        let director = caller(&mut conn, DIRECTOR);
        let council = caller(&mut conn, COUNCIL);
        let project = ProjectId(waiting(&mut conn, &director).project_id.0);
        let partner = caller(&mut conn, PARTNER).actor.user_id;
        let input = StructureInput {
            kind: StructureKind::Laboratory,
            name: "Лаборатория чтения".into(),
            members: vec![
                member(council.actor.user_id, MemberFunction::Head),
                member(partner, MemberFunction::Member),
            ],
        };
        let err = create(&mut conn, &council, project, &input).unwrap_err();
        assert_eq!(fields(err), vec![("members[1].user_id".to_owned(), NotAllowed)]);
        let teacher = caller(&mut conn, TEACHER);
        assert!(matches!(
            create(&mut conn, &teacher, project, &input),
            Err(ApiError::Forbidden)
        ));
        let outsider = caller(&mut conn, PARTNER);
        assert!(matches!(list(&mut conn, &outsider, project), Err(ApiError::NotFound)));
    }
}
