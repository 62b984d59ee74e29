//! `GET /api/organisations`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::organisations;
use actix_web::{get, web};
use openapi::organisations::{Organisation, OrganisationFilter};
use openapi::{Page, PageQuery, Problem};

/// Lists organisations by short name, searchable and filterable by kind.
#[utoipa::path(
    tag = "organisations",
    operation_id = "list_organisations",
    security(("bearer" = [])),
    params(PageQuery, OrganisationFilter),
    responses(
        (status = 200, description = "One page of organisations", body = Page<Organisation>),
        (status = 400, description = "A query parameter of the wrong type", body = Problem, content_type = "application/problem+json"),
        Unauthorized,
        (status = 422, description = "Page out of range", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/organisations")]
pub async fn list_organisations(
    session: Session,
    page: web::Query<PageQuery>,
    filter: web::Query<OrganisationFilter>,
) -> Result<web::Json<Page<Organisation>>, ApiError> {
    session
        .run(move |conn, caller| organisations::list(conn, caller, &page, &filter))
        .await
        .map(web::Json)
}
