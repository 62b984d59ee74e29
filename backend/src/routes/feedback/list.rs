//! `GET /api/resources/{id}/feedback`.

use crate::auth::CurrentUser;
use crate::db::models::{PageRequest, feedback, resource};
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::feedback::Feedback;
use openapi::{OrganisationId, Page, PageQuery, Problem};

/// The answers about a resource, newest first: for its school and the committee.
#[utoipa::path(
    tag = "feedback",
    operation_id = "list_feedback",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id"), PageQuery),
    responses(
        (status = 200, description = "One page of answers", body = Page<Feedback>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such resource, or its answers are not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/resources/{id}/feedback")]
pub async fn list_feedback(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<Feedback>>, ApiError> {
    let resource_id = id.into_inner();
    let page = PageRequest::parse(&page)?;
    crate::db::run(&state.pool, move |conn| {
        let row = resource::find(conn, resource_id)?;
        if !policy::can_read_school_work(&current.actor, OrganisationId(row.org_id)) {
            return Err(ApiError::NotFound);
        }
        let (items, total) = feedback::list_for_resource(conn, resource_id, page)?;
        Ok(page.wrap(items, total))
    })
    .await
    .map(web::Json)
}
