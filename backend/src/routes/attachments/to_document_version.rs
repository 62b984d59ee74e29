use super::upload::attach;
use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized, UploadTooLarge};
use crate::http::uploads::FileContent;
use crate::services::attachments::Owner;
use actix_web::{HttpRequest, HttpResponse, post, web};
use openapi::plan::Attachment;
use openapi::resources::UploadQuery;
use openapi::{DocumentVersionId, Problem};

/// Attaches a file to a version under review (the school's administration, council or
/// staff): the body is the file itself, its name in `file_name`; the same types and
/// 20 MiB limit as resource files.
#[utoipa::path(
    tag = "package",
    operation_id = "attach_to_document_version",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The version's id"), UploadQuery),
    request_body(content = FileContent, content_type = "application/octet-stream", description = "The file's bytes"),
    responses(
        (status = 201, description = "The stored file", body = Attachment),
        Unauthorized,
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "The version is decided (`not_under_review`)", body = Problem, content_type = "application/problem+json"),
        UploadTooLarge,
        (status = 422, description = "A type that is not accepted, or content that is not of the named type", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/document-versions/{id}/attachments")]
pub async fn attach_to_document_version(
    session: Session,
    id: web::Path<DocumentVersionId>,
    query: web::Query<UploadQuery>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let owner = Owner::DocumentVersion(id.into_inner());
    attach(session, owner, &query.file_name, req, payload).await
}
