use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Invalid, NotFound, Unauthorized};
use crate::services::events;
use actix_web::{HttpResponse, post, web};
use openapi::events::{EventFeedback, EventFeedbackInput};
use openapi::{EventId, Problem};

/// Records the signed-in attendee's one answer about an event, once the organiser asked:
/// satisfaction 1–5 and a comment.
#[utoipa::path(
    tag = "events",
    operation_id = "create_event_feedback",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The event's id")),
    request_body = EventFeedbackInput,
    responses(
        (status = 201, description = "The answer", body = EventFeedback),
        Unauthorized,
        NotFound,
        (status = 409, description = "Not asked for yet (`feedback_not_requested`), not attended (`not_attended`), or answered already (`already_answered`)", body = Problem, content_type = "application/problem+json"),
        Invalid
    )
)]
#[post("/events/{id}/feedback")]
pub async fn create_event_feedback(
    session: Session,
    id: web::Path<EventId>,
    body: Json<EventFeedbackInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let created = session
        .run(move |conn, caller| events::answer(conn, caller, id, &body.0))
        .await?;
    Ok(HttpResponse::Created().json(created))
}
