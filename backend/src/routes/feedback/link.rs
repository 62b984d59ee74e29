//! `POST /api/deliveries/{id}/feedback-links`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::feedback;
use actix_web::{HttpResponse, post, web};
use openapi::feedback::{FeedbackLink, FeedbackLinkInput};
use openapi::{DeliveryId, Problem};

/// Issues a signed single-use link for one respondent of the consumer school, who rates
/// the delivery at `/feedback/<token>` without an account. The consumer school's partner
/// staff or administration issue it; the host school, whose resource is rated, may not.
/// At most 30 links per delivery.
#[utoipa::path(
    tag = "feedback",
    operation_id = "create_feedback_link",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The delivery's id")),
    request_body = FeedbackLinkInput,
    responses(
        (status = 201, description = "The link", body = FeedbackLink),
        Unauthorized,
        (status = 403, description = "Not the consumer school's partner staff or administration (the host school may not issue links)", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "The delivery has its 30 links already (`feedback_link_limit`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Respondent missing, or validity out of range", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/deliveries/{id}/feedback-links")]
pub async fn create_feedback_link(
    session: Session,
    id: web::Path<DeliveryId>,
    body: Json<FeedbackLinkInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let keys = session.state().keys.clone();
    let link = session
        .run(move |conn, caller| feedback::link(conn, caller, &keys, id, &body.0))
        .await?;
    Ok(HttpResponse::Created().json(link))
}
