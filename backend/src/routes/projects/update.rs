//! `PUT /api/projects/{id}`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::project;
use crate::domain::policy;
use crate::domain::projects::ProjectCard;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{put, web};
use diesel::Connection;
use openapi::Problem;
use openapi::projects::{Project, ProjectInput};

/// Replaces a project's card (administration or council of its school).
#[utoipa::path(
    tag = "projects",
    operation_id = "update_project",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = ProjectInput,
    responses(
        (status = 200, description = "The updated project", body = Project),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration or council", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json")
    )
)]
#[put("/projects/{id}")]
pub async fn update_project(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<ProjectInput>,
) -> Result<web::Json<Project>, ApiError> {
    let id = id.into_inner();
    let card = ProjectCard::parse(&body.0)?;
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let before = project::load(conn, id)?;
            if !policy::can_read_school_work(&current.actor, before.org_id) {
                return Err(ApiError::NotFound);
            }
            if !policy::can_manage_projects(&current.actor, before.org_id) {
                return Err(ApiError::Forbidden);
            }
            let card = super::resolve(conn, before.org_id.0, card)?;
            project::update(conn, id, &card)?;
            let after = project::load(conn, id)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(after.org_id.0),
                    entity: "project",
                    entity_id: id,
                    action: "update",
                    before: Some(&before),
                    after: Some(&after),
                },
            )?;
            Ok(after)
        })
    })
    .await
    .map(web::Json)
}
