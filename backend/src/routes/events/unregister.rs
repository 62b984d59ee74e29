use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::events;
use actix_web::{HttpResponse, delete, web};
use openapi::EventId;

/// Cancels the signed-in user's registration for an event; the place is free again.
#[utoipa::path(
    tag = "events",
    operation_id = "delete_my_event_registration",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The event's id")),
    responses((status = 204, description = "Cancelled"), Unauthorized, NotFound)
)]
#[delete("/events/{id}/registrations/me")]
pub async fn delete_my_event_registration(session: Session, id: web::Path<EventId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| events::unregister(conn, caller, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
