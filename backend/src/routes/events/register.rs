use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::events;
use actix_web::{HttpResponse, post, web};
use openapi::events::Registration;
use openapi::{EventId, Problem};

/// Registers the signed-in user for a published event open to the city, until its last
/// day and while places remain: the answer is the confirmed registration with its
/// confirmation code. A full event refuses (`event_full`); there is no waiting list.
#[utoipa::path(
    tag = "events",
    operation_id = "create_event_registration",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The event's id")),
    responses(
        (status = 201, description = "The confirmed registration", body = Registration),
        Unauthorized,
        NotFound,
        (status = 409, description = "Registered already (`already_registered`), every place taken (`event_full`), the event cancelled (`event_cancelled`) or not open to registration (`registration_closed`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/events/{id}/registrations")]
pub async fn create_event_registration(session: Session, id: web::Path<EventId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let created = session
        .run(move |conn, caller| events::register(conn, caller, id))
        .await?;
    Ok(HttpResponse::Created().json(created))
}
