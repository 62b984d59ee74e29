//! `GET /api/organisations`.

use crate::auth::CurrentUser;
use crate::db::models::{PageRequest, organisation};
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
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
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Page out of range", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/organisations")]
pub async fn list_organisations(
    state: web::Data<AppState>,
    current: CurrentUser,
    page: web::Query<PageQuery>,
    filter: web::Query<OrganisationFilter>,
) -> Result<web::Json<Page<Organisation>>, ApiError> {
    if !policy::can_read_organisations(&current.actor) {
        return Err(ApiError::Forbidden);
    }
    let page = PageRequest::parse(&page)?;
    let filter = filter.into_inner();
    crate::db::run(&state.pool, move |conn| {
        let (rows, total) = organisation::list(conn, &filter, page)?;
        Ok(page.wrap(rows.into_iter().map(|row| row.into_dto()).collect(), total))
    })
    .await
    .map(web::Json)
}
