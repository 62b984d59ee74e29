//! Satisfaction and demand metrics (CSAT, NPS, readiness to recommend, requests,
//! deliveries, adopting schools) of a resource, a project and a school, from the read
//! model.

use super::access::{self, Access};
use super::{Caller, Outcome};
use crate::db::DbConnection;
use crate::db::models::feedback;
use crate::db::read_model;
use crate::domain::metrics::Scope;
use crate::domain::policy;
use crate::error::ApiError;
use openapi::feedback::{Metrics, MonthlyMetrics};
use openapi::{OrganisationId, ProjectId, ResourceId};

/// The metrics of one resource; a published resource's are open to every signed-in user.
pub fn resource(conn: &mut DbConnection, caller: &Caller, id: ResourceId) -> Outcome<Metrics> {
    access::resource(conn, &caller.actor, id, Access::Read)?;
    Ok(read_model::metrics(conn, Scope::Resource(id))?)
}

/// A resource's satisfaction month by month (months with at least one answer, oldest
/// first), read like the resource.
pub fn resource_monthly(conn: &mut DbConnection, caller: &Caller, id: ResourceId) -> Outcome<Vec<MonthlyMetrics>> {
    access::resource(conn, &caller.actor, id, Access::Read)?;
    Ok(feedback::monthly(conn, id)?)
}

/// The metrics of every resource of a project together, read like the project.
pub fn project(conn: &mut DbConnection, caller: &Caller, id: ProjectId) -> Outcome<Metrics> {
    access::project(conn, &caller.actor, id, Access::Read)?;
    Ok(read_model::metrics(conn, Scope::Project(id))?)
}

/// The metrics of every resource of a school together: for its staff and the committee
/// (`403` otherwise, whether or not the school exists).
pub fn organisation(conn: &mut DbConnection, caller: &Caller, id: OrganisationId) -> Outcome<Metrics> {
    if !policy::can_read_school_work(&caller.actor, id) {
        return Err(ApiError::Forbidden);
    }
    Ok(read_model::metrics(conn, Scope::School(id))?)
}
