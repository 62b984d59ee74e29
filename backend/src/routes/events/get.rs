use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged;
use crate::services::events;
use actix_web::{HttpResponse, get, web};
use openapi::EventId;
use openapi::events::Event;

/// One event, with the caller's registration and whether their feedback is awaited.
#[utoipa::path(
    tag = "events",
    operation_id = "get_event",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The event's id")),
    responses((status = 200, description = "The event", body = Event, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))), Unauthorized, NotFound)
)]
#[get("/events/{id}")]
pub async fn get_event(session: Session, id: web::Path<EventId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| events::get(conn, caller, id))
        .await
        .map(tagged)
}
