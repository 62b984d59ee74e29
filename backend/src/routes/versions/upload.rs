//! `POST /api/versions/{id}/files`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized, UploadTooLarge};
use crate::http::uploads::{self, FileContent};
use crate::services::versions::{self, StoredFile};
use actix_web::{HttpRequest, HttpResponse, post, web};
use openapi::resources::{ResourceFile, UploadQuery};
use openapi::{Problem, VersionId};

/// Uploads one file of a version: the request body is the file itself, its name in
/// `file_name`. Accepted: pdf, docx, doc, xlsx, pptx, odt, txt, png, jpg, zip, up to
/// 20 MiB, and the content must really be of the named type.
#[utoipa::path(
    tag = "resources",
    operation_id = "upload_version_file",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The version's id"), UploadQuery),
    request_body(content = FileContent, content_type = "application/octet-stream", description = "The file's bytes"),
    responses(
        (status = 201, description = "The stored file", body = ResourceFile),
        Unauthorized,
        (status = 403, description = "Not staff, council or administration of the resource's school", body = Problem, content_type = "application/problem+json"),
        NotFound,
        UploadTooLarge,
        (status = 422, description = "A type that is not accepted, or content that is not of the named type", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/versions/{id}/files")]
pub async fn upload_version_file(
    session: Session,
    id: web::Path<VersionId>,
    query: web::Query<UploadQuery>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let version = id.into_inner();
    // The access check, then the body (no connection is held while the client sends it),
    // then the record, which reuses what the check read instead of reading it again.
    let target = session
        .clone()
        .run(move |conn, caller| versions::upload_target(conn, caller, version))
        .await?;
    let state = session.state().clone();
    let stored = uploads::receive(&state, &req, payload, &query.file_name, &target.storage_prefix()).await?;
    let key = stored.key.clone();
    let quota = state.quota;
    let recorded = session
        .run(move |conn, caller| {
            let file = StoredFile {
                accepted: &stored.accepted,
                size: stored.size,
                sha256: &stored.sha256,
                key: &stored.key,
            };
            versions::record_file(conn, caller, &target, file, quota)
        })
        .await;
    match recorded {
        Ok(file) => Ok(HttpResponse::Created().json(file)),
        Err(err) => {
            uploads::discard(&state, &key);
            Err(err)
        }
    }
}
