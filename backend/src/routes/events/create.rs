use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::events;
use actix_web::{HttpResponse, post};
use openapi::events::{Event, EventInput};

/// Records a draft event of the caller's organisation (a school's administration, council
/// or teachers; the committee's specialists): what, when, where, who speaks, the
/// resources presented, and whether the city may register.
#[utoipa::path(
    tag = "events",
    operation_id = "create_event",
    security(("bearer" = [])),
    request_body = EventInput,
    responses(
        (status = 201, description = "The draft event", body = Event, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        Invalid
    )
)]
#[post("/events")]
pub async fn create_event(session: Session, body: Json<EventInput>) -> Result<HttpResponse, ApiError> {
    let created = session
        .run(move |conn, caller| events::create(conn, caller, &body.0))
        .await?;
    Ok(tagged_created(created))
}
