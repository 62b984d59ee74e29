//! `GET /api/audit`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::audit;
use actix_web::{get, web};
use openapi::audit::{AuditEntry, AuditFilter};
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
        Unauthorized,
        (status = 403, description = "Neither the school's administrator nor the committee", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/audit")]
pub async fn list_audit_entries(
    session: Session,
    page: web::Query<PageQuery>,
    filter: web::Query<AuditFilter>,
) -> Result<web::Json<Page<AuditEntry>>, ApiError> {
    session
        .run(move |conn, caller| audit::list(conn, caller, &page, &filter))
        .await
        .map(web::Json)
}
