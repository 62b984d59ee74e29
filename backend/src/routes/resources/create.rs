//! `POST /api/projects/{id}/resources`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::{project, resource};
use crate::domain::policy;
use crate::domain::resources::ResourceCard;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use diesel::Connection;
use openapi::Problem;
use openapi::resources::{Resource, ResourceInput};

/// Registers a resource of a project, at the first lifecycle stage (request).
#[utoipa::path(
    tag = "resources",
    operation_id = "create_resource",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = ResourceInput,
    responses(
        (status = 201, description = "The new resource", body = Resource),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff, council or administration of the project's school", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (shares not adding up to 100, fields of another form …)", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/projects/{id}/resources")]
pub async fn create_resource(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<ResourceInput>,
) -> Result<HttpResponse, ApiError> {
    let project_id = id.into_inner();
    let card = ResourceCard::parse(&body.0)?;
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let (project, _) = project::find(conn, project_id)?;
            let org = openapi::OrganisationId(project.org_id);
            if !policy::can_read_school_work(&current.actor, org) {
                return Err(ApiError::NotFound);
            }
            if !policy::can_edit_resources(&current.actor, org) {
                return Err(ApiError::Forbidden);
            }
            let card = super::resolve_authors(conn, project.org_id, card)?;
            let id = resource::insert(conn, project_id, project.org_id, &card)?;
            let created = resource::load(conn, id)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(project.org_id),
                    entity: "resource",
                    entity_id: id,
                    action: "create",
                    before: None,
                    after: Some(&created),
                },
            )?;
            Ok::<Resource, ApiError>(created)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(created))
}
