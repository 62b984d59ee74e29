//! `PUT /api/resources/{id}`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::resource;
use crate::domain::policy;
use crate::domain::resources::ResourceCard;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{put, web};
use diesel::Connection;
use openapi::Problem;
use openapi::resources::{Resource, ResourceInput, Visibility};

/// Replaces a resource's card; its lifecycle stage changes only through transitions.
#[utoipa::path(
    tag = "resources",
    operation_id = "update_resource",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id")),
    request_body = ResourceInput,
    responses(
        (status = 200, description = "The updated resource", body = Resource),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff, council or administration of the resource's school", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such resource, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json")
    )
)]
#[put("/resources/{id}")]
pub async fn update_resource(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<ResourceInput>,
) -> Result<web::Json<Resource>, ApiError> {
    let id = id.into_inner();
    let card = ResourceCard::parse(&body.0)?;
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let before = resource::load(conn, id)?;
            if !policy::can_read_resource(
                &current.actor,
                before.org_id,
                before.visibility == Visibility::Published,
            ) {
                return Err(ApiError::NotFound);
            }
            if !policy::can_edit_resources(&current.actor, before.org_id) {
                return Err(ApiError::Forbidden);
            }
            let card = super::resolve_authors(conn, before.org_id.0, card)?;
            resource::update(conn, id, &card)?;
            let after = resource::load(conn, id)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(after.org_id.0),
                    entity: "resource",
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
