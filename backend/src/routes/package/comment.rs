use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::package;
use actix_web::{HttpResponse, post, web};
use openapi::package::{CommentInput, DocumentVersion};
use openapi::{DocumentVersionId, Problem};

/// Adds a comment to a version's review thread (the school's administration, council,
/// staff or supervisor).
#[utoipa::path(
    tag = "package",
    operation_id = "comment_document_version",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The version's id")),
    request_body = CommentInput,
    responses(
        (status = 201, description = "The version with its thread", body = DocumentVersion),
        Unauthorized,
        (status = 403, description = "Not of the school", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 422, description = "An empty or too long comment", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/document-versions/{id}/comments")]
pub async fn comment_document_version(
    session: Session,
    id: web::Path<DocumentVersionId>,
    body: Json<CommentInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let after = session
        .run(move |conn, caller| package::comment(conn, caller, id, &body.0))
        .await?;
    Ok(HttpResponse::Created().json(after))
}
