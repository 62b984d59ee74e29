use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::package;
use actix_web::{HttpResponse, post, web};
use openapi::package::{DocumentVersion, ReviewDecision};
use openapi::{DocumentVersionId, Problem};

/// A council member approves a version under review or returns it with a comment; the
/// comment joins the version's thread.
#[utoipa::path(
    tag = "package",
    operation_id = "review_document_version",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The version's id"), IfMatch),
    request_body = ReviewDecision,
    responses(
        (status = 200, description = "The decided version", body = DocumentVersion, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Not a council member of the school", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "Decided or superseded already (`not_under_review`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A return without a comment", body = Problem, content_type = "application/problem+json"),
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[post("/document-versions/{id}/review")]
pub async fn review_document_version(
    session: Session,
    id: web::Path<DocumentVersionId>,
    if_match: IfMatch,
    body: Json<ReviewDecision>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| package::review(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
