use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, Unauthorized};
use crate::http::versions::tagged;
use crate::services::events;
use actix_web::{HttpResponse, put, web};
use openapi::events::{AttendanceInput, Event};
use openapi::{EventId, Problem};

/// Marks who attended (its organisers), from the event's first day: the listed confirmed
/// registrations present, every other one absent.
#[utoipa::path(
    tag = "events",
    operation_id = "update_event_attendance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The event's id")),
    request_body = AttendanceInput,
    responses(
        (status = 200, description = "The event with its attendance count", body = Event, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "Before the first day (`event_not_started`) or cancelled (`event_cancelled`)", body = Problem, content_type = "application/problem+json"),
        Invalid
    )
)]
#[put("/events/{id}/attendance")]
pub async fn update_event_attendance(
    session: Session,
    id: web::Path<EventId>,
    body: Json<AttendanceInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| events::mark_attendance(conn, caller, id, &body.0))
        .await
        .map(tagged)
}
