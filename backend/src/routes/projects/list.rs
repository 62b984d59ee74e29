//! `GET /api/projects`.

use crate::auth::CurrentUser;
use crate::db::models::{PageRequest, project};
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::projects::{Project, ProjectFilter};
use openapi::{Page, PageQuery, Problem};

/// Lists projects, newest first. The committee reads every school's; school staff read
/// their own school's (an `org_id` of another school is refused).
#[utoipa::path(
    tag = "projects",
    operation_id = "list_projects",
    security(("bearer" = [])),
    params(PageQuery, ProjectFilter),
    responses(
        (status = 200, description = "One page of projects", body = Page<Project>),
        (status = 400, description = "A query parameter of the wrong type", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to read these projects", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/projects")]
pub async fn list_projects(
    state: web::Data<AppState>,
    current: CurrentUser,
    page: web::Query<PageQuery>,
    filter: web::Query<ProjectFilter>,
) -> Result<web::Json<Page<Project>>, ApiError> {
    let page = PageRequest::parse(&page)?;
    let mut filter = filter.into_inner();
    filter.org_id = policy::school_work_scope(&current.actor, filter.org_id)?;
    crate::db::run(&state.pool, move |conn| {
        let (items, total) = project::list(conn, &filter, page)?;
        Ok(page.wrap(items, total))
    })
    .await
    .map(web::Json)
}
