//! Innovation projects of a school.

pub mod confirm;
pub mod create;
pub mod get;
pub mod list;
pub mod update;

use crate::db::DbConnection;
use crate::db::models::{organisation, user};
use crate::domain::projects::ProjectCard;
use crate::domain::text::field_error;
use crate::error::ApiError;
use diesel::prelude::*;
use openapi::FieldErrorCode::NotAllowed;
use openapi::organisations::OrganisationKind;
use openapi::users::Role;

/// Checks what a card names in the database: the customer must be a committee, the
/// supervisor account a supervisor of the school; the supervisor's name is taken from it.
pub fn resolve(conn: &mut DbConnection, org_id: i64, mut card: ProjectCard) -> Result<ProjectCard, ApiError> {
    let mut errors = Vec::new();
    if let Some(customer) = card.customer_org_id {
        let is_committee = organisation::find(conn, customer.0)
            .optional()?
            .is_some_and(|org| org.kind() == OrganisationKind::Committee);
        if !is_committee {
            errors.push(field_error(
                "customer_org_id",
                NotAllowed,
                "the customer must be an education committee",
            ));
        }
    }
    if let Some(supervisor) = card.supervisor_id {
        match user::find(conn, supervisor.0).optional()? {
            Some(row) if row.org_id == org_id && user::roles_of(conn, row.id)?.contains(&Role::Supervisor) => {
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
        let own: Vec<i64> = crate::db::schema::problems::table
            .filter(crate::db::schema::problems::id.eq_any(&card.problem_ids))
            .filter(crate::db::schema::problems::org_id.eq(org_id))
            .select(crate::db::schema::problems::id)
            .load(conn)?;
        for (index, problem) in card.problem_ids.iter().enumerate() {
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
        Err(ApiError::Validation(errors))
    }
}

/// The row of a project the user may read; `404` for one they may not (not revealed).
pub fn readable(
    conn: &mut DbConnection,
    current: &crate::auth::CurrentUser,
    id: i64,
) -> Result<crate::db::models::project::ProjectRow, ApiError> {
    let (row, _) = crate::db::models::project::find(conn, id)?;
    if crate::domain::policy::can_read_school_work(&current.actor, openapi::OrganisationId(row.org_id)) {
        Ok(row)
    } else {
        Err(ApiError::NotFound)
    }
}
