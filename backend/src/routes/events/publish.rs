use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{Forbidden, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::events;
use actix_web::{HttpResponse, post, web};
use openapi::events::Event;
use openapi::{EventId, Problem};

/// Publishes a draft event to the municipality's calendar (its organisers).
#[utoipa::path(
    tag = "events",
    operation_id = "publish_event",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The event's id"), IfMatch),
    responses(
        (status = 200, description = "The published event", body = Event, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The event is not a draft (`event_not_draft`) or is cancelled (`event_cancelled`)", body = Problem, content_type = "application/problem+json"),
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[post("/events/{id}/publish")]
pub async fn publish_event(
    session: Session,
    id: web::Path<EventId>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| events::publish(conn, caller, id, expected))
        .await
        .map(tagged)
}
