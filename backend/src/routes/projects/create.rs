//! `POST /api/projects`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::project;
use crate::domain::policy;
use crate::domain::projects::ProjectCard;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use diesel::Connection;
use openapi::Problem;
use openapi::projects::{Project, ProjectInput};

/// Registers a project of the signed-in user's school (administration or council).
#[utoipa::path(
    tag = "projects",
    operation_id = "create_project",
    security(("bearer" = [])),
    request_body = ProjectInput,
    responses(
        (status = 201, description = "The new project", body = Project),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration or council", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/projects")]
pub async fn create_project(
    state: web::Data<AppState>,
    current: CurrentUser,
    body: Json<ProjectInput>,
) -> Result<HttpResponse, ApiError> {
    let org_id = current.actor.org_id;
    if !policy::can_manage_projects(&current.actor, org_id) {
        return Err(ApiError::Forbidden);
    }
    let card = ProjectCard::parse(&body.0)?;
    let actor = current.actor.user_id.0;
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let card = super::resolve(conn, org_id.0, card)?;
            let id = project::insert(conn, org_id.0, &card)?;
            let created = project::load(conn, id)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(actor),
                    org_id: Some(org_id.0),
                    entity: "project",
                    entity_id: id,
                    action: "create",
                    before: None,
                    after: Some(&created),
                },
            )?;
            Ok(created)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(created))
}
