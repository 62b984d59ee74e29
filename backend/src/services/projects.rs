//! Innovation projects of a school: registered and changed by its administration and
//! council, read by its staff and the committee; a platform's status is confirmed every
//! school year by the director.

use super::access::{self, Access};
use super::concurrency::{Expected, claim};
use super::{Caller, Outcome, write};
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::{PageRequest, organisation, project, ranking, user};
use crate::domain::error::DomainError;
use crate::domain::policy;
use crate::domain::projects::{ProjectCard, parse_confirmation};
use crate::domain::text::field_error;
use crate::error::ApiError;
use diesel::OptionalExtension;
use openapi::FieldErrorCode::NotAllowed;
use openapi::UserId;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::organisations::OrganisationKind;
use openapi::projects::{ConfirmationInput, Project, ProjectFilter, ProjectInput};
use openapi::users::Role;
use openapi::{OrganisationId, Page, PageQuery, ProblemId, ProjectId};

/// Projects, newest first. The committee reads every school's; school staff read their
/// own school's (an `org_id` of another school is refused).
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    page: &PageQuery,
    mut filter: ProjectFilter,
) -> Outcome<Page<Project>> {
    let page = PageRequest::parse(page)?;
    filter.org_id = policy::school_work_scope(&caller.actor, filter.org_id)?;
    let (items, total) = project::list(conn, &filter, page)?;
    Ok(page.wrap(items, total))
}

/// One project, for its school and the committee.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: ProjectId) -> Outcome<Project> {
    access::project_card(conn, &caller.actor, id, Access::Read)
}

/// Registers a project of the caller's school (administration or council).
pub fn create(conn: &mut DbConnection, caller: &Caller, input: &ProjectInput) -> Outcome<Project> {
    let org = caller.actor.org_id;
    if !policy::can_manage_projects(&caller.actor, org) {
        return Err(ApiError::Forbidden);
    }
    let card = ProjectCard::parse(input)?;
    write(conn, |conn| {
        let card = resolve(conn, org, card)?;
        let id = project::insert(conn, org, &card)?;
        let created = project::load(conn, id)?;
        Event::new(AuditAction::Create, AuditEntity::Project, id)
            .by(caller.actor.user_id)
            .of(org)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// Replaces a project's card (administration or council of its school), made on the
/// `expected` version.
pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ProjectId,
    expected: Expected,
    input: &ProjectInput,
) -> Outcome<Project> {
    let card = ProjectCard::parse(input)?;
    write(conn, |conn| {
        let before = access::project_card(conn, &caller.actor, id, Access::Edit)?;
        claim(expected, before.version, |version| project::claim(conn, id.0, version))?;
        let card = resolve(conn, before.org_id, card)?;
        project::update(conn, &before, &card)?;
        let after = project::load(conn, id)?;
        Event::new(AuditAction::Update, AuditEntity::Project, id)
            .by(caller.actor.user_id)
            .of(after.org_id)
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// Records the yearly confirmation of an innovation platform's status (the director),
/// once per school year of the project.
pub fn confirm(conn: &mut DbConnection, caller: &Caller, id: ProjectId, input: &ConfirmationInput) -> Outcome<Project> {
    write(conn, |conn| {
        let before = access::project_card(conn, &caller.actor, id, Access::Read)?;
        if !policy::is_director_of(&caller.actor, before.org_id) {
            return Err(ApiError::Forbidden);
        }
        let basis = parse_confirmation(&before, input, chrono::Utc::now().date_naive())?;
        project::confirm(conn, id, input, &basis, caller.actor.user_id)?;
        project::bump(conn, id.0)?;
        let after = project::load(conn, id)?;
        Event::new(AuditAction::Confirm, AuditEntity::Project, id)
            .by(caller.actor.user_id)
            .of(before.org_id)
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// Checks what a card names in the database: the customer must be a committee, the
/// supervisor account a supervisor of the school, each cited problem one of the school's
/// ranking; the supervisor's name is taken from the account.
fn resolve(conn: &mut DbConnection, org: OrganisationId, mut card: ProjectCard) -> Outcome<ProjectCard> {
    let mut errors = Vec::new();
    if let Some(customer) = card.customer_org_id {
        let is_committee = organisation::find(conn, customer)
            .optional()?
            .is_some_and(|found| found.kind() == OrganisationKind::Committee);
        if !is_committee {
            errors.push(field_error(
                "customer_org_id",
                NotAllowed,
                "the customer must be an education committee",
            ));
        }
    }
    if let Some(supervisor) = card.supervisor_id {
        match user::find(conn, supervisor).optional()? {
            Some(row) if row.org_id == org.0 && user::roles_of(conn, UserId(row.id))?.contains(&Role::Supervisor) => {
                card.supervisor_name = Some(row.full_name);
            }
            _ => errors.push(field_error(
                "supervisor_id",
                NotAllowed,
                "the supervisor must be an account of this school with the supervisor role",
            )),
        }
    }
    if !card.problem_ids.is_empty() {
        let cited: Vec<ProblemId> = card.problem_ids.iter().copied().map(ProblemId).collect();
        let own = ranking::of_school(conn, org, &cited)?;
        for (index, problem) in cited.iter().enumerate() {
            if !own.contains(problem) {
                errors.push(field_error(
                    &format!("problem_ids[{index}]"),
                    NotAllowed,
                    "must be a problem of this school's ranking",
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(card)
    } else {
        Err(DomainError::Invalid(errors).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::seeded::{self, COMMITTEE, COUNCIL, DIRECTOR, PARTNER, SUPERVISOR, audit_of, caller, fields};
    use chrono::{Datelike, Utc};
    use openapi::RefusalReason;
    use openapi::projects::{PlatformStatus, ProjectLevel, ProjectOrigin};

    fn laboratory(supervisor: openapi::UserId) -> ProjectInput {
        ProjectInput {
            title: "Сетевая лаборатория цифровой дидактики".into(),
            problem: "Опыт педагогов не переходит из школы в школу".into(),
            origin: ProjectOrigin::OwnInitiative,
            competition: None,
            customer_org_id: None,
            level: ProjectLevel::Laboratory,
            platform_status: None,
            supervisor_id: Some(supervisor),
            supervisor_name: None,
            supervisor_affiliation: None,
            directions: vec!["Совместные уроки".into()],
            problem_ids: vec![],
            start_year: 2030,
            end_year: 2031,
            status: None,
        }
    }

    #[test]
    fn creating_a_project_with_a_supervisor_of_another_school_is_refused_naming_the_field() {
        let mut conn = seeded::demo();
        let director = caller(&mut conn, DIRECTOR);
        let foreign = caller(&mut conn, PARTNER).actor.user_id;
        let err = create(&mut conn, &director, &laboratory(foreign)).unwrap_err();
        assert_eq!(fields(err), vec![("supervisor_id".to_owned(), NotAllowed)]);
    }

    #[test]
    fn a_project_takes_its_supervisors_name_from_the_account_and_records_its_creation() {
        let mut conn = seeded::demo();
        let director = caller(&mut conn, DIRECTOR);
        let supervisor = caller(&mut conn, SUPERVISOR);
        let created = create(&mut conn, &director, &laboratory(supervisor.actor.user_id)).unwrap();
        assert_eq!(
            created.supervisor_name.as_deref(),
            Some(supervisor.me.full_name.as_str())
        );
        assert_eq!(created.org_id, director.actor.org_id);
        let trail = audit_of(&mut conn, "project", created.id.0);
        assert_eq!(trail.len(), 1);
        assert_eq!(trail[0].0, "create");
        assert_eq!(trail[0].1, Some(director.actor.user_id.0));
        let committee = caller(&mut conn, COMMITTEE);
        assert_eq!(get(&mut conn, &committee, created.id).unwrap(), created);
    }

    #[test]
    fn committee_administrators_do_not_register_projects_for_the_committee() {
        let mut conn = seeded::demo();
        let supervisor = caller(&mut conn, SUPERVISOR).actor.user_id;
        let committee_admin = seeded::committee_admin(&mut conn);
        let operator = caller(&mut conn, seeded::OPERATOR);
        let before = project::list(
            &mut conn,
            &ProjectFilter::default(),
            PageRequest { page: 1, per_page: 100 },
        )
        .unwrap()
        .1;
        for admin in [&committee_admin, &operator] {
            assert!(matches!(
                create(&mut conn, admin, &laboratory(supervisor)),
                Err(ApiError::Forbidden)
            ));
        }
        let after = project::list(
            &mut conn,
            &ProjectFilter::default(),
            PageRequest { page: 1, per_page: 100 },
        )
        .unwrap()
        .1;
        assert_eq!(after, before);
    }

    #[test]
    fn another_schools_project_is_absent_and_a_committee_cannot_register_one() {
        let mut conn = seeded::demo();
        let director = caller(&mut conn, DIRECTOR);
        let supervisor = director.actor.user_id;
        let mine = list(&mut conn, &director, &seeded::FIRST_PAGE, ProjectFilter::default()).unwrap();
        let first = mine.items[0].id;
        let partner = caller(&mut conn, PARTNER);
        assert!(matches!(get(&mut conn, &partner, first), Err(ApiError::NotFound)));
        let committee = caller(&mut conn, COMMITTEE);
        assert!(matches!(
            create(&mut conn, &committee, &laboratory(supervisor)),
            Err(ApiError::Forbidden)
        ));
    }

    #[test]
    fn a_platform_year_is_confirmed_once_and_by_the_director_only() {
        let mut conn = seeded::demo();
        let director = caller(&mut conn, DIRECTOR);
        let platforms = ProjectFilter {
            level: Some(ProjectLevel::Platform),
            ..ProjectFilter::default()
        };
        let page = list(&mut conn, &director, &seeded::FIRST_PAGE, platforms).unwrap();
        let platform = page
            .items
            .iter()
            .find(|p| p.platform_status == Some(PlatformStatus::Municipal))
            .unwrap();
        let input = ConfirmationInput {
            school_year: platform.start_year,
            confirmed_on: Utc::now().date_naive(),
            basis: "Приказ комитета образования № 45".into(),
        };
        let council = caller(&mut conn, COUNCIL);
        assert!(matches!(
            confirm(&mut conn, &council, platform.id, &input),
            Err(ApiError::Forbidden)
        ));
        let confirmed = confirm(&mut conn, &director, platform.id, &input).unwrap();
        assert_eq!(confirmed.confirmations.len(), platform.confirmations.len() + 1);
        assert!(
            confirmed
                .confirmations
                .iter()
                .any(|c| c.school_year == input.school_year)
        );
        let again = confirm(&mut conn, &director, platform.id, &input).unwrap_err();
        assert!(matches!(
            again,
            ApiError::Refused {
                reason: RefusalReason::YearConfirmed,
                ..
            }
        ));
        let future = ConfirmationInput {
            school_year: platform.end_year + 1,
            confirmed_on: Utc::now().date_naive().with_year(Utc::now().year() + 1).unwrap(),
            ..input
        };
        let fields = fields(confirm(&mut conn, &director, platform.id, &future).unwrap_err());
        let names: Vec<&str> = fields.iter().map(|(field, _)| field.as_str()).collect();
        assert_eq!(names, ["school_year", "confirmed_on"]);
    }
}
