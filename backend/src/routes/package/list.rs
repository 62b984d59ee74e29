use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::package;
use actix_web::{get, web};
use openapi::package::{DocumentKind, DocumentVersion};
use openapi::{Problem, ProjectId};

/// Every version of one document of the package, the latest first, with their threads.
#[utoipa::path(
    tag = "package",
    operation_id = "list_document_versions",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "The project's id"),
        ("kind" = DocumentKind, Path, description = "The document")
    ),
    responses(
        (status = 200, description = "The versions", body = Vec<DocumentVersion>),
        (status = 400, description = "Not a document of the package", body = Problem, content_type = "application/problem+json"),
        Unauthorized,
        NotFound
    )
)]
#[get("/projects/{id}/package/{kind}")]
pub async fn list_document_versions(
    session: Session,
    path: web::Path<(ProjectId, DocumentKind)>,
) -> Result<web::Json<Vec<DocumentVersion>>, ApiError> {
    let (project, kind) = path.into_inner();
    session
        .run(move |conn, caller| package::history(conn, caller, project, kind))
        .await
        .map(web::Json)
}
