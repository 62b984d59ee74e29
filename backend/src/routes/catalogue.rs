//! `GET /api/catalogue`: the public catalogue of published resources (the «fair»).

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::catalogue;
use actix_web::{get, web};
use openapi::feedback::{CatalogueFilter, CatalogueItem};
use openapi::{Page, PageQuery, Problem};

/// Lists published resources of every school, newest first, with their metrics (see
/// `Metrics` for the formulas), searchable and filterable by form, element, school and
/// level. Open to every signed-in user; a partner school requests from it.
#[utoipa::path(
    tag = "catalogue",
    operation_id = "list_catalogue",
    security(("bearer" = [])),
    params(PageQuery, CatalogueFilter),
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
    filter: web::Query<CatalogueFilter>,
) -> Result<web::Json<Page<CatalogueItem>>, ApiError> {
    session
        .run(move |conn, caller| catalogue::list(conn, caller, &page, &filter))
        .await
        .map(web::Json)
}
