//! `GET /api/resources/{id}`.

use crate::auth::CurrentUser;
use crate::db::models::resource;
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::Problem;
use openapi::resources::{Resource, Visibility};

/// One resource: a published one for everyone signed in, an internal one for its school
/// and the committee.
#[utoipa::path(
    tag = "resources",
    operation_id = "get_resource",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id")),
    responses(
        (status = 200, description = "The resource", body = Resource),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such resource, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/resources/{id}")]
pub async fn get_resource(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Resource>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        let resource = resource::load(conn, id)?;
        if !policy::can_read_resource(
            &current.actor,
            resource.org_id,
            resource.visibility == Visibility::Published,
        ) {
            return Err(ApiError::NotFound);
        }
        Ok(resource)
    })
    .await
    .map(web::Json)
}
