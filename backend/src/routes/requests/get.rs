//! `GET /api/requests/{id}`.

use crate::auth::CurrentUser;
use crate::db::models::request;
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::Problem;
use openapi::requests::{ConsumerRequest, RequestStatus};

/// One request with every status change.
#[utoipa::path(
    tag = "requests",
    operation_id = "get_request",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The request's id")),
    responses(
        (status = 200, description = "The request", body = ConsumerRequest),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/requests/{id}")]
pub async fn get_request(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<ConsumerRequest>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        let found = request::load(conn, id)?;
        let open = found.status == RequestStatus::Submitted;
        if !policy::can_read_request(&current.actor, found.requester_org_id, found.target_org_id, open) {
            return Err(ApiError::NotFound);
        }
        Ok(found)
    })
    .await
    .map(web::Json)
}
