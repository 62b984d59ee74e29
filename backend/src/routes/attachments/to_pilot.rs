use super::upload::attach;
use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized, UploadTooLarge};
use crate::http::uploads::FileContent;
use crate::services::attachments::Owner;
use actix_web::{HttpRequest, HttpResponse, post, web};
use openapi::plan::Attachment;
use openapi::resources::UploadQuery;
use openapi::{PilotId, Problem};

/// Attaches a file to a pilot as evidence of its results (the school's administration,
/// council or staff) until the pilot is concluded.
#[utoipa::path(
    tag = "pilots",
    operation_id = "attach_to_pilot",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The pilot's id"), UploadQuery),
    request_body(content = FileContent, content_type = "application/octet-stream", description = "The file's bytes"),
    responses(
        (status = 201, description = "The stored file", body = Attachment),
        Unauthorized,
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "The pilot is concluded (`pilot_concluded`)", body = Problem, content_type = "application/problem+json"),
        UploadTooLarge,
        (status = 422, description = "A type that is not accepted, or content that is not of the named type", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/pilots/{id}/attachments")]
pub async fn attach_to_pilot(
    session: Session,
    id: web::Path<PilotId>,
    query: web::Query<UploadQuery>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let owner = Owner::Pilot(id.into_inner());
    attach(session, owner, &query.file_name, req, payload).await
}
