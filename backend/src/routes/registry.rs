//! The committee's registry of every school's innovation work, and its CSV export.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::http::uploads::FileContent;
use crate::services::registry;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, get, web};
use openapi::feedback::{RegistryFilter, RegistryItem};
use openapi::{CursorQuery, Page, PageQuery, Problem};

/// Every school with its projects, resources, requests, deliveries, satisfaction (see
/// `Metrics` for the formulas) and the school year's dissemination, one flat row each, by
/// short name; by page number, or by `cursor` (a page's
/// `next_cursor`), which costs the same however deep. The committee only.
#[utoipa::path(
    tag = "registry",
    operation_id = "list_registry",
    security(("bearer" = [])),
    params(PageQuery, CursorQuery, RegistryFilter),
    responses(
        (status = 200, description = "One page of schools", body = Page<RegistryItem>),
        Unauthorized,
        (status = 403, description = "Not the committee", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/registry")]
pub async fn list_registry(
    session: Session,
    page: web::Query<PageQuery>,
    cursor: web::Query<CursorQuery>,
    filter: web::Query<RegistryFilter>,
) -> Result<web::Json<Page<RegistryItem>>, ApiError> {
    session
        .run(move |conn, caller| registry::list(conn, caller, &page, &cursor, &filter))
        .await
        .map(web::Json)
}

/// The whole registry as CSV: UTF-8 with a byte-order mark, `;`-separated, decimals
/// with a comma, so that Excel in a Russian locale opens it as it is. The committee only.
#[utoipa::path(
    tag = "registry",
    operation_id = "export_registry",
    security(("bearer" = [])),
    params(RegistryFilter),
    responses(
        (status = 200, description = "The registry as CSV (UTF-8 with a byte-order mark, `;`-separated)", body = FileContent, content_type = "text/csv"),
        Unauthorized,
        (status = 403, description = "Not the committee", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/registry/export")]
pub async fn export_registry(session: Session, filter: web::Query<RegistryFilter>) -> Result<HttpResponse, ApiError> {
    let body = session
        .run(move |conn, caller| registry::export(conn, caller, &filter))
        .await?;
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename("registry.csv".to_owned())],
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header(disposition)
        .body(body))
}
