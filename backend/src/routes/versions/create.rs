//! `POST /api/resources/{id}/versions`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::{resource, version};
use crate::domain::text;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use diesel::Connection;
use openapi::Problem;
use openapi::resources::{ResourceVersion, VersionInput};

/// Starts the next version of a resource (a design document or a product) with the
/// current authorship; upload its files next.
#[utoipa::path(
    tag = "resources",
    operation_id = "create_resource_version",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id")),
    request_body = VersionInput,
    responses(
        (status = 201, description = "The new version, without files yet", body = ResourceVersion),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff, council or administration of the resource's school", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such resource, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Notes too long", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/resources/{id}/versions")]
pub async fn create_resource_version(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<VersionInput>,
) -> Result<HttpResponse, ApiError> {
    let resource_id = id.into_inner();
    let input = body.0;
    let notes = if input.notes.trim().is_empty() {
        String::new()
    } else {
        text::bounded("notes", &input.notes, 1, 2000).map_err(|err| ApiError::Validation(vec![err]))?
    };
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = super::visible_resource(conn, &current, resource_id, true)?;
            let authors = resource::load(conn, resource_id)?.authors;
            let actor = current.actor.user_id.0;
            let id = version::insert(conn, resource_id, input.kind, &notes, &authors, actor)?;
            let created = version::load(conn, id)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(actor),
                    org_id: Some(row.org_id),
                    entity: "resource_version",
                    entity_id: id,
                    action: "create",
                    before: None,
                    after: Some(&created),
                },
            )?;
            Ok::<ResourceVersion, ApiError>(created)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(created))
}
