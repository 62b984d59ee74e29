//! Organisations of the municipality: schools and the education committee.

use super::{Caller, Outcome, write};
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::{PageRequest, organisation};
use crate::domain::organisations::NewOrganisation;
use crate::domain::policy;
use crate::domain::text::field_error;
use crate::error::ApiError;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::organisations::{CreateOrganisation, Organisation, OrganisationFilter};
use openapi::{FieldErrorCode, OrganisationId, Page, PageQuery};

/// Organisations by short name, searchable and filterable by kind.
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    page: &PageQuery,
    filter: &OrganisationFilter,
) -> Outcome<Page<Organisation>> {
    if !policy::can_read_organisations(&caller.actor) {
        return Err(ApiError::Forbidden);
    }
    let page = PageRequest::parse(page)?;
    let (rows, total) = organisation::list(conn, filter, page)?;
    Ok(page.wrap(rows.into_iter().map(|row| row.into_dto()).collect(), total))
}

/// One organisation.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: OrganisationId) -> Outcome<Organisation> {
    if !policy::can_read_organisations(&caller.actor) {
        return Err(ApiError::NotFound);
    }
    Ok(organisation::find(conn, id)?.into_dto())
}

/// Registers a school or committee (platform administrators only); a name in use is a
/// conflict on `name`.
pub fn create(conn: &mut DbConnection, caller: &Caller, input: &CreateOrganisation) -> Outcome<Organisation> {
    if !policy::can_create_organisation(&caller.actor) {
        return Err(ApiError::Forbidden);
    }
    let new = NewOrganisation::parse(input)?;
    let created = write(conn, |conn| {
        if organisation::name_taken(conn, &new.name)? {
            return Err(ApiError::Conflict {
                detail: "An organisation with this name exists.".to_owned(),
                errors: vec![field_error("name", FieldErrorCode::Taken, "is already registered")],
            });
        }
        let row = organisation::NewOrganisation {
            name: &new.name,
            short_name: &new.short_name,
            kind: new.kind,
            municipality: &new.municipality,
        };
        let id = organisation::insert(conn, &row)?;
        let created = organisation::find(conn, OrganisationId(id))?.into_dto();
        Event::new(AuditAction::Create, AuditEntity::Organisation, id)
            .by(caller.actor.user_id)
            .of(OrganisationId(id))
            .after(&created)
            .record(conn)?;
        Ok(created)
    })?;
    tracing::info!(organisation_id = created.id.0, "organisation registered");
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::seeded;
    use openapi::organisations::OrganisationKind;

    #[test]
    fn only_a_platform_administrator_registers_an_organisation_and_a_name_once() {
        let mut db = seeded::demo();
        let operator = db.caller("operator@kom.demo");
        let director = db.caller("director@sch61.demo");
        let input = CreateOrganisation {
            name: "МБОУ «Основная общеобразовательная школа № 3»".into(),
            short_name: "ООШ № 3".into(),
            kind: OrganisationKind::School,
            municipality: "Новокузнецкий городской округ".into(),
        };
        assert!(matches!(
            create(&mut db.conn, &director, &input),
            Err(ApiError::Forbidden)
        ));
        let created = create(&mut db.conn, &operator, &input).unwrap();
        assert_eq!(get(&mut db.conn, &director, created.id).unwrap().short_name, "ООШ № 3");
        let again = create(&mut db.conn, &operator, &input).unwrap_err();
        assert!(matches!(again, ApiError::Conflict { errors, .. } if errors[0].field == "name"));
    }
}
