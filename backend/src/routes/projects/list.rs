use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{Forbidden, Unauthorized};
use crate::services::projects;
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
        Unauthorized,
        Forbidden
    )
)]
#[get("/projects")]
pub async fn list_projects(
    session: Session,
    page: web::Query<PageQuery>,
    filter: web::Query<ProjectFilter>,
) -> Result<web::Json<Page<Project>>, ApiError> {
    let (page, filter) = (page.into_inner(), filter.into_inner());
    session
        .run(move |conn, caller| projects::list(conn, caller, &page, filter))
        .await
        .map(web::Json)
}
