//! `GET /api/resources`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::resources;
use actix_web::{get, web};
use openapi::resources::{ResourceFilter, ResourceItem};
use openapi::{Page, PageQuery, Problem};

/// Lists resources, newest first. The committee reads every school's; school staff read
/// their own school's (published resources of all schools are in the catalogue).
#[utoipa::path(
    tag = "resources",
    operation_id = "list_resources",
    security(("bearer" = [])),
    params(PageQuery, ResourceFilter),
    responses(
        (status = 200, description = "One page of resources", body = Page<ResourceItem>),
        (status = 400, description = "A query parameter of the wrong type", body = Problem, content_type = "application/problem+json"),
        Unauthorized,
        (status = 403, description = "Not allowed to read these resources", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/resources")]
pub async fn list_resources(
    session: Session,
    page: web::Query<PageQuery>,
    filter: web::Query<ResourceFilter>,
) -> Result<web::Json<Page<ResourceItem>>, ApiError> {
    let (page, filter) = (page.into_inner(), filter.into_inner());
    session
        .run(move |conn, caller| resources::list(conn, caller, &page, filter))
        .await
        .map(web::Json)
}
