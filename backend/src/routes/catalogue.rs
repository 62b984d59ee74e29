//! `GET /api/catalogue`: the public catalogue of published resources (the «fair»).

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::catalogue;
use actix_web::{get, web};
use openapi::feedback::{CatalogueFilter, CatalogueItem};
use openapi::{CursorQuery, Page, PageQuery, Problem};

/// Lists published resources of every school, newest first, each with what the list
/// shows: title, form, school and three figures (CSAT %, NPS, deliveries; formulas as in
/// `Metrics`); the whole record is at `GET /api/resources/{id}`. Searchable and
/// filterable by form, element, school and level; by page number, or by `cursor` (a
/// page's `next_cursor`), which costs the same however deep. Open to every signed-in
/// user; a partner school requests from it.
#[utoipa::path(
    tag = "catalogue",
    operation_id = "list_catalogue",
    security(("bearer" = [])),
    params(PageQuery, CursorQuery, CatalogueFilter),
    responses(
        (status = 200, description = "One page of published resources", body = Page<CatalogueItem>),
        (status = 400, description = "A query parameter of the wrong type", body = Problem, content_type = "application/problem+json"),
        Unauthorized
    )
)]
#[get("/catalogue")]
pub async fn list_catalogue(
    session: Session,
    page: web::Query<PageQuery>,
    cursor: web::Query<CursorQuery>,
    filter: web::Query<CatalogueFilter>,
) -> Result<web::Json<Page<CatalogueItem>>, ApiError> {
    session
        .run(move |conn, caller| catalogue::list(conn, caller, &page, &cursor, &filter))
        .await
        .map(web::Json)
}
