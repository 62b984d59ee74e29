//! `GET /api/projects/{id}`.

use crate::auth::CurrentUser;
use crate::db::models::project;
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::projects::Project;
use openapi::{OrganisationId, Problem};

/// One project, for its school and the committee.
#[utoipa::path(
    tag = "projects",
    operation_id = "get_project",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project", body = Project),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/projects/{id}")]
pub async fn get_project(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Project>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        let project = project::load(conn, id)?;
        if !policy::can_read_school_work(&current.actor, OrganisationId(project.org_id.0)) {
            return Err(ApiError::NotFound);
        }
        Ok(project)
    })
    .await
    .map(web::Json)
}
