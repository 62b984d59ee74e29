use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::events;
use actix_web::{HttpResponse, put, web};
use openapi::events::{Event, EventInput};
use openapi::{EventId, Problem};

/// Rewrites an event (its organisers). A cancelled event is refused with
/// `event_cancelled`; its places may not drop below the confirmed registrations.
#[utoipa::path(
    tag = "events",
    operation_id = "update_event",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The event's id"), IfMatch),
    request_body = EventInput,
    responses(
        (status = 200, description = "The changed event", body = Event, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The event is cancelled (`event_cancelled`)", body = Problem, content_type = "application/problem+json"),
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[put("/events/{id}")]
pub async fn update_event(
    session: Session,
    id: web::Path<EventId>,
    if_match: IfMatch,
    body: Json<EventInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| events::update(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
