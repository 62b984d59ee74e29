use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::package;
use actix_web::{HttpResponse, post, web};
use openapi::package::{DocumentKind, DocumentVersion, VersionInput};
use openapi::{Problem, ProjectId};

/// Submits a new version of a document for the council's review (the school's
/// administration, council or staff). The programme takes `text`, the innovation map
/// `map`; the work plan and the results tracking system record the project's current
/// plan items or indicators. Versions still under review are superseded.
#[utoipa::path(
    tag = "package",
    operation_id = "create_document_version",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "The project's id"),
        ("kind" = DocumentKind, Path, description = "The document")
    ),
    request_body = VersionInput,
    responses(
        (status = 201, description = "The version, under review", body = DocumentVersion, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        (status = 400, description = "Not a document of the package", body = Problem, content_type = "application/problem+json"),
        Unauthorized,
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "A work plan without items or a tracking system without indicators (`nothing_to_submit`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing or invalid content, each field named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/projects/{id}/package/{kind}")]
pub async fn create_document_version(
    session: Session,
    path: web::Path<(ProjectId, DocumentKind)>,
    body: Json<VersionInput>,
) -> Result<HttpResponse, ApiError> {
    let (project, kind) = path.into_inner();
    let created = session
        .run(move |conn, caller| package::submit(conn, caller, project, kind, &body.0))
        .await?;
    Ok(tagged_created(created))
}
