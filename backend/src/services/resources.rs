//! Educational resources of a school's projects: registered at the first lifecycle
//! stage, their cards changed by the school; read by the school and the committee, and
//! by everyone signed in once published.

use super::access::{self, Access};
use super::concurrency::{Expected, claim};
use super::{Caller, Outcome, write};
use crate::db::DbConnection;
use crate::db::models::PageRequest;
use crate::db::models::audit::Event;
use crate::db::models::resource::{self, ResourceRow};
use crate::domain::policy;
use crate::domain::resources::ResourceCard;
use crate::error::ApiError;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::resources::{Resource, ResourceFilter, ResourceInput, ResourceItem};
use openapi::{OrganisationId, Page, PageQuery, ProjectId, ResourceId};

/// Resources, newest first. The committee reads every school's; school staff read their
/// own school's (published resources of all schools are in the catalogue).
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    page: &PageQuery,
    mut filter: ResourceFilter,
) -> Outcome<Page<ResourceItem>> {
    let page = PageRequest::parse(page)?;
    filter.org_id = policy::school_work_scope(&caller.actor, filter.org_id)?;
    let (items, total) = resource::list(conn, &filter, page)?;
    Ok(page.wrap(items, total))
}

/// One resource: a published one for everyone signed in, an internal one for its school
/// and the committee.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: ResourceId) -> Outcome<Resource> {
    let row = access::resource(conn, &caller.actor, id, Access::Read)?;
    complete(conn, row)
}

/// Registers a resource of a project (the school's administration, council and
/// teachers), at the first lifecycle stage (request).
pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    project: ProjectId,
    input: &ResourceInput,
) -> Outcome<Resource> {
    let card = ResourceCard::parse(input)?;
    write(conn, |conn| {
        let project = access::project_work(conn, &caller.actor, project, Access::Edit)?;
        let org = OrganisationId(project.org_id);
        let card = name_authors(conn, org, card)?;
        let id = ResourceId(resource::insert(
            conn,
            ProjectId(project.id),
            OrganisationId(project.org_id),
            &card,
        )?);
        let created = resource::load(conn, id)?;
        Event::new(AuditAction::Create, AuditEntity::Resource, id)
            .by(caller.actor.user_id)
            .of(org)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// Replaces a resource's card (the school's administration, council and teachers), made
/// on the `expected` version; its lifecycle stage changes only through transitions.
pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ResourceId,
    expected: Expected,
    input: &ResourceInput,
) -> Outcome<Resource> {
    let card = ResourceCard::parse(input)?;
    write(conn, |conn| {
        let row = access::resource(conn, &caller.actor, id, Access::Edit)?;
        claim(expected, row.version, |version| resource::claim(conn, id.0, version))?;
        let org = OrganisationId(row.org_id);
        let before = complete(conn, row)?;
        let card = name_authors(conn, org, card)?;
        resource::update(conn, id, &card)?;
        let after = resource::load(conn, id)?;
        Event::new(AuditAction::Update, AuditEntity::Resource, id)
            .by(caller.actor.user_id)
            .of(after.org_id)
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// The API representation of a row already read.
fn complete(conn: &mut DbConnection, row: ResourceRow) -> Outcome<Resource> {
    resource::complete(conn, vec![row])?.pop().ok_or(ApiError::NotFound)
}

/// Checks that the author accounts belong to the school and takes their names from them.
fn name_authors(conn: &mut DbConnection, org: OrganisationId, card: ResourceCard) -> Outcome<ResourceCard> {
    let accounts = resource::school_accounts(conn, org, &card.author_accounts())?;
    Ok(card.with_account_names(&accounts)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::resource_fixtures::{School, resource_input};
    use openapi::FieldErrorCode;
    use openapi::resources::{Author, Visibility};
    use openapi::users::Role;

    #[test]
    fn a_partner_cannot_read_an_internal_resource_but_reads_it_once_published() {
        let mut s = School::new();
        let partner = s.user(s.org, &[Role::Partner]);
        let found = get(&mut s.conn, &partner, s.resource);
        assert!(matches!(found, Err(ApiError::NotFound)), "{found:?}");

        let published = ResourceInput {
            visibility: Some(Visibility::Published),
            ..resource_input("Ресурс для каталога")
        };
        let staff = s.staff.clone();
        let expected = crate::services::seeded::read_version(&mut s.conn, "resources", s.resource.0);
        update(&mut s.conn, &staff, s.resource, expected, &published).expect("published");
        let read = get(&mut s.conn, &partner, s.resource).expect("readable");
        assert_eq!(read.visibility, Visibility::Published);
        let edit = update(&mut s.conn, &partner, s.resource, expected, &published);
        assert!(matches!(edit, Err(ApiError::Forbidden)), "{edit:?}");
    }

    #[test]
    fn an_author_account_of_another_school_is_refused_and_a_local_one_is_named_after_it() {
        let mut s = School::new();
        let other_school = s.school("СОШ № 12");
        let stranger = s.user(other_school, &[Role::Staff]);
        let mut input = resource_input("Кейс-технология");
        input.authors = vec![Author {
            user_id: Some(stranger.actor.user_id),
            name: String::new(),
            share: 100,
        }];
        let staff = s.staff.clone();
        let refused = create(&mut s.conn, &staff, s.project, &input);
        match refused {
            Err(ApiError::Validation(errors)) => assert_eq!(
                (errors[0].field.as_str(), errors[0].code),
                ("authors[0].user_id", FieldErrorCode::NotAllowed)
            ),
            other => panic!("expected a validation error, got {other:?}"),
        }

        input.authors[0].user_id = Some(staff.actor.user_id);
        let created = create(&mut s.conn, &staff, s.project, &input).expect("created");
        assert_eq!(created.authors[0].name, staff.me.full_name);
        assert_eq!(s.audit("resource", created.id.0), vec!["create".to_owned()]);
    }
}
