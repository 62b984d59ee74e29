//! Pilots (апробация) of resource versions (Regulation 1.3 b): recorded and changed by the
//! resource's school staff who may change the resource, read by whoever reads it,
//! concluded once and never changed after.

use super::access::{self, Access};
use super::concurrency::{Expected, claim};
use super::{Caller, Outcome, write};
use crate::clock::today;
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::pilot as rows;
use crate::db::models::resource::ResourceRow;
use crate::db::models::{PageRequest, organisation, version};
use crate::domain::error::DomainError;
use crate::domain::pilots::{self as rules, PilotFields};
use crate::domain::text::field_error;
use diesel::OptionalExtension;
use openapi::FieldErrorCode::NotAllowed;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::pilots::{ConclusionInput, Pilot, PilotInput};
use openapi::{OrganisationId, Page, PageQuery, PilotId, ResourceId};

/// One page of a resource's pilots, the latest start first.
pub fn list(conn: &mut DbConnection, caller: &Caller, resource: ResourceId, page: &PageQuery) -> Outcome<Page<Pilot>> {
    let page = PageRequest::parse(page)?;
    access::resource(conn, &caller.actor, resource, Access::Read)?;
    let (items, total) = rows::list(conn, resource, page, today())?;
    Ok(page.wrap(items, total))
}

/// One pilot.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: PilotId) -> Outcome<Pilot> {
    let (row, _) = access::pilot(conn, &caller.actor, id, Access::Read)?;
    Ok(rows::represent(conn, row, today())?)
}

/// Records a pilot of a version of the resource (its school's administration, council
/// or teachers).
pub fn create(conn: &mut DbConnection, caller: &Caller, resource: ResourceId, input: &PilotInput) -> Outcome<Pilot> {
    write(conn, |conn| {
        let resource = access::resource(conn, &caller.actor, resource, Access::Edit)?;
        let fields = resolve(conn, &resource, input)?;
        let org = OrganisationId(resource.org_id);
        let id = rows::insert(conn, org, ResourceId(resource.id), &fields, caller.actor.user_id)?;
        let created = rows::load(conn, id, today())?;
        Event::new(AuditAction::Create, AuditEntity::Pilot, id)
            .by(caller.actor.user_id)
            .of(org)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// Rewrites a pilot made on the `expected` version: its sites, period, participants,
/// method and results as the work goes. A concluded pilot is refused with
/// `pilot_concluded`.
pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: PilotId,
    expected: Expected,
    input: &PilotInput,
) -> Outcome<Pilot> {
    write(conn, |conn| {
        let (row, resource) = access::pilot(conn, &caller.actor, id, Access::Edit)?;
        claim(expected, row.version, |version| rows::claim(conn, id.0, version))?;
        rules::editable(row.is_concluded())?;
        let fields = resolve(conn, &resource, input)?;
        let before = rows::represent(conn, row, today())?;
        if !rows::update(conn, id, &fields)? {
            rules::editable(true)?;
        }
        changed(conn, caller, AuditAction::Update, &before)
    })
}

/// Concludes a pilot made on the `expected` version: the conclusion, its day (today
/// unless given) and the final results, which it needs. A concluded pilot is refused
/// with `pilot_concluded`.
pub fn conclude(
    conn: &mut DbConnection,
    caller: &Caller,
    id: PilotId,
    expected: Expected,
    input: &ConclusionInput,
) -> Outcome<Pilot> {
    write(conn, |conn| {
        let (row, _) = access::pilot(conn, &caller.actor, id, Access::Edit)?;
        claim(expected, row.version, |version| rows::claim(conn, id.0, version))?;
        rules::editable(row.is_concluded())?;
        let today = today();
        let conclusion = rules::conclude(input, row.starts_on, &row.final_results, today)?;
        let before = rows::represent(conn, row, today)?;
        if !rows::conclude(conn, id, &conclusion, caller.actor.user_id)? {
            rules::editable(true)?;
        }
        changed(conn, caller, AuditAction::Conclude, &before)
    })
}

/// Reads the pilot after a change and records the change.
fn changed(conn: &mut DbConnection, caller: &Caller, action: AuditAction, before: &Pilot) -> Outcome<Pilot> {
    let after = rows::load(conn, PilotId(before.id), today())?;
    Event::new(action, AuditEntity::Pilot, after.id)
        .by(caller.actor.user_id)
        .of(after.org_id)
        .before(before)
        .after(&after)
        .record(conn)?;
    Ok(after)
}

/// Checks a pilot against its resource: the version must be one of the resource's, and
/// every site a school of the platform.
fn resolve(conn: &mut DbConnection, resource: &ResourceRow, input: &PilotInput) -> Outcome<PilotFields> {
    let fields = rules::parse(input, OrganisationId(resource.org_id))?;
    let mut errors = Vec::new();
    let version = version::find(conn, fields.version_id).optional()?;
    if version.is_none_or(|version| version.resource_id != resource.id) {
        errors.push(field_error(
            "version_id",
            NotAllowed,
            "must be a version of this resource",
        ));
    }
    let schools = organisation::schools_among(conn, &input.sites)?;
    for (index, site) in input.sites.iter().enumerate() {
        if !schools.contains(site) {
            errors.push(field_error(
                &format!("sites[{index}]"),
                NotAllowed,
                "must be a school of the platform",
            ));
        }
    }
    if errors.is_empty() {
        Ok(fields)
    } else {
        Err(DomainError::Invalid(errors).into())
    }
}

#[cfg(test)]
#[path = "pilots_tests.rs"]
mod tests;
