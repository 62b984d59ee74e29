//! `POST /api/resources/{id}/deliveries`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::deliveries;
use actix_web::{HttpResponse, post, web};
use openapi::lifecycle::{Delivery, DeliveryInput};
use openapi::{Problem, ResourceId};

/// Records the delivery of a product version to a consumer school. The resource must
/// be at the delivery step (or later); the consumer confirms receipt and rates it.
#[utoipa::path(
    tag = "lifecycle",
    operation_id = "create_delivery",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id")),
    request_body = DeliveryInput,
    responses(
        (status = 201, description = "The recorded delivery", body = Delivery),
        Unauthorized,
        (status = 403, description = "Not staff, council or administration of the resource's school", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "The resource is not at the delivery step yet", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a product version with a file, not another school, a future date …", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/resources/{id}/deliveries")]
pub async fn create_delivery(
    session: Session,
    id: web::Path<ResourceId>,
    body: Json<DeliveryInput>,
) -> Result<HttpResponse, ApiError> {
    let resource = id.into_inner();
    let created = session
        .run(move |conn, caller| deliveries::create(conn, caller, resource, &body.0))
        .await?;
    Ok(HttpResponse::Created().json(created))
}
