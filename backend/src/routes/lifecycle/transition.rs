//! `POST /api/resources/{id}/transitions`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::lifecycle;
use actix_web::{post, web};
use openapi::lifecycle::TransitionInput;
use openapi::resources::Resource;
use openapi::{Problem, ResourceId};

/// Moves a resource to the next stage when the current one shows its evidence, or back
/// to an earlier stage with a reason. Refusals are `409 transition_refused` with a
/// `reason`: `same_stage`, `skips_a_step`, `reason_required`, `no_accepted_request`,
/// `no_design_document`, `no_produced_version` or `no_delivery`.
#[utoipa::path(
    tag = "lifecycle",
    operation_id = "create_transition",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id")),
    request_body = TransitionInput,
    responses(
        (status = 200, description = "The resource at its new stage", body = Resource),
        Unauthorized,
        (status = 403, description = "Not staff, council or administration of the resource's school", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "Refused; `reason` names why", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A reason too long", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/resources/{id}/transitions")]
pub async fn create_transition(
    session: Session,
    id: web::Path<ResourceId>,
    body: Json<TransitionInput>,
) -> Result<web::Json<Resource>, ApiError> {
    let resource = id.into_inner();
    session
        .run(move |conn, caller| lifecycle::transition(conn, caller, resource, &body.0))
        .await
        .map(web::Json)
}
