//! `POST /api/deliveries/{id}/feedback`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::feedback;
use actix_web::{HttpResponse, post, web};
use openapi::feedback::{Feedback, FeedbackInput};
use openapi::{DeliveryId, Problem};

/// Rates a delivery to the signed-in user's school (its partner staff or administration),
/// once per person.
#[utoipa::path(
    tag = "feedback",
    operation_id = "create_feedback",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The delivery's id")),
    request_body = FeedbackInput,
    responses(
        (status = 201, description = "The recorded answer", body = Feedback),
        Unauthorized,
        (status = 403, description = "Not the consumer school's partner staff or administration", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "This person has rated this delivery already", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Scores out of range", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/deliveries/{id}/feedback")]
pub async fn create_feedback(
    session: Session,
    id: web::Path<DeliveryId>,
    body: Json<FeedbackInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let created = session
        .run(move |conn, caller| feedback::submit(conn, caller, id, &body.0))
        .await?;
    Ok(HttpResponse::Created().json(created))
}
