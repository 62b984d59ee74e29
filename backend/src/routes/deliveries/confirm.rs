//! `POST /api/deliveries/{id}/confirmation`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::deliveries;
use actix_web::{post, web};
use openapi::lifecycle::Delivery;
use openapi::{DeliveryId, Problem};

/// The consumer school confirms it received a delivery (its partner staff or
/// administration). Confirming twice keeps the first confirmation.
#[utoipa::path(
    tag = "lifecycle",
    operation_id = "confirm_delivery",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The delivery's id")),
    responses(
        (status = 200, description = "The confirmed delivery", body = Delivery),
        Unauthorized,
        (status = 403, description = "The host school or the committee cannot confirm for the consumer", body = Problem, content_type = "application/problem+json"),
        NotFound
    )
)]
#[post("/deliveries/{id}/confirmation")]
pub async fn confirm_delivery(session: Session, id: web::Path<DeliveryId>) -> Result<web::Json<Delivery>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| deliveries::confirm(conn, caller, id))
        .await
        .map(web::Json)
}
