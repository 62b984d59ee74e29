use super::upload::attach;
use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized, UploadTooLarge};
use crate::http::uploads::FileContent;
use crate::services::attachments::Owner;
use actix_web::{HttpRequest, HttpResponse, post, web};
use openapi::plan::Attachment;
use openapi::resources::UploadQuery;
use openapi::{EventId, Problem};

/// Attaches a material to an event (its organisers): a presentation, a handout, a
/// protocol; read by everyone who reads the event.
#[utoipa::path(
    tag = "events",
    operation_id = "attach_to_event",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The event's id"), UploadQuery),
    request_body(content = FileContent, content_type = "application/octet-stream", description = "The file's bytes"),
    responses(
        (status = 201, description = "The stored file", body = Attachment),
        Unauthorized,
        (status = 403, description = "Not one of the event's organisers", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "The event is cancelled (`event_cancelled`)", body = Problem, content_type = "application/problem+json"),
        UploadTooLarge,
        (status = 422, description = "A type that is not accepted, or content that is not of the named type", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/events/{id}/attachments")]
pub async fn attach_to_event(
    session: Session,
    id: web::Path<EventId>,
    query: web::Query<UploadQuery>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let owner = Owner::Event(id.into_inner());
    attach(session, owner, &query.file_name, req, payload).await
}
