//! `GET /api/audit`.

use crate::auth::CurrentUser;
use crate::db::models::{PageRequest, audit};
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::audit::{AuditEntry, AuditFilter};
use openapi::users::Role;
use openapi::{Page, PageQuery, Problem};

/// Lists recorded changes, newest first: a school administrator reads their school's
/// trail, the committee every school's.
#[utoipa::path(
    tag = "audit",
    operation_id = "list_audit_entries",
    security(("bearer" = [])),
    params(PageQuery, AuditFilter),
    responses(
        (status = 200, description = "One page of changes", body = Page<AuditEntry>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither the school's administrator nor the committee", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/audit")]
pub async fn list_audit_entries(
    state: web::Data<AppState>,
    current: CurrentUser,
    page: web::Query<PageQuery>,
    filter: web::Query<AuditFilter>,
) -> Result<web::Json<Page<AuditEntry>>, ApiError> {
    let page = PageRequest::parse(&page)?;
    let filter = filter.into_inner();
    let org = match filter.org_id {
        None if current.actor.has(Role::Committee) => None,
        requested => Some(requested.unwrap_or(current.actor.org_id)),
    };
    if let Some(org) = org
        && !policy::can_read_audit(&current.actor, org)
    {
        return Err(ApiError::Forbidden);
    }
    crate::db::run(&state.pool, move |conn| {
        let (items, total) = audit::list(conn, &filter, org.map(|org| org.0), page)?;
        Ok(page.wrap(items, total))
    })
    .await
    .map(web::Json)
}
