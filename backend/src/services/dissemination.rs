//! Dissemination figures of a resource, a project and a school for a school year: read
//! like the resource, like the project, and by the school's staff and the committee.

use super::access::{self, Access};
use super::{Caller, Outcome};
use crate::clock::today;
use crate::db::models::dissemination::{self as rows, Scope, Span};
use crate::db::schema::resources;
use crate::db::{DbConnection, read_model};
use crate::domain::dissemination::{self as rules, Figures};
use crate::domain::policy;
use crate::error::ApiError;
use diesel::prelude::*;
use openapi::dissemination::{Dissemination, DisseminationQuery, SchoolYearSpan};
use openapi::{OrganisationId, ProjectId, ResourceId};

/// The figures about one resource; a published resource's are open to every signed-in
/// user.
pub fn resource(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ResourceId,
    query: &DisseminationQuery,
) -> Outcome<Dissemination> {
    access::resource(conn, &caller.actor, id, Access::Read)?;
    let year = rules::school_year(query.school_year, today())?;
    let scope = Scope::Resources {
        resources: &[id.0],
        projects: &[],
    };
    one(conn, scope, year)
}

/// The figures about a project's resources, with the project's own risks; read like the
/// project.
pub fn project(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ProjectId,
    query: &DisseminationQuery,
) -> Outcome<Dissemination> {
    access::project(conn, &caller.actor, id, Access::Read)?;
    let year = rules::school_year(query.school_year, today())?;
    let of_project: Vec<i64> = resources::table
        .filter(resources::project_id.eq(id.0))
        .select(resources::id)
        .load(conn)?;
    let scope = Scope::Resources {
        resources: &of_project,
        projects: &[id.0],
    };
    one(conn, scope, year)
}

/// A school's figures: for its staff and the committee (`403` otherwise, whether or not
/// the school exists).
pub fn organisation(
    conn: &mut DbConnection,
    caller: &Caller,
    id: OrganisationId,
    query: &DisseminationQuery,
) -> Outcome<Dissemination> {
    if !policy::can_read_school_work(&caller.actor, id) {
        return Err(ApiError::Forbidden);
    }
    let year = rules::school_year(query.school_year, today())?;
    let figures = read_model::years::of_schools(conn, &[id.0], year.start)?
        .remove(&id.0)
        .unwrap_or_default();
    Ok(rules::represent(year, figures))
}

/// The days of a school year.
pub fn span(year: &SchoolYearSpan) -> Span {
    Span {
        from: year.from,
        to: year.to,
    }
}

/// The figures of a scope with one school.
fn one(conn: &mut DbConnection, scope: Scope<'_>, year: SchoolYearSpan) -> Outcome<Dissemination> {
    let figures = rows::figures(conn, scope, span(&year))?
        .into_values()
        .next()
        .unwrap_or_else(Figures::default);
    Ok(rules::represent(year, figures))
}
