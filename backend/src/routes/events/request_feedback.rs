use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{Forbidden, NotFound, Unauthorized};
use crate::http::versions::tagged;
use crate::services::events;
use actix_web::{HttpResponse, post, web};
use openapi::events::Event;
use openapi::{EventId, Problem};

/// Asks the attendees for feedback (its organisers), once, from the event's last day:
/// each attendee finds the event among their reminders (`event_feedback`).
#[utoipa::path(
    tag = "events",
    operation_id = "request_event_feedback",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The event's id")),
    responses(
        (status = 200, description = "The event, asking for feedback", body = Event, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "Asked already (`feedback_already_requested`), before the last day or not published (`event_not_over`), or cancelled (`event_cancelled`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/events/{id}/feedback-request")]
pub async fn request_event_feedback(session: Session, id: web::Path<EventId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| events::request_feedback(conn, caller, id))
        .await
        .map(tagged)
}
