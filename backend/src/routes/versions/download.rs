//! `GET /api/files/{id}`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::uploads::{self, FileContent};
use crate::services::versions;
use actix_web::{HttpResponse, get, web};
use openapi::FileId;

/// Downloads a file of a resource version, for whoever may read the resource.
#[utoipa::path(
    tag = "resources",
    operation_id = "download_file",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The file's id")),
    responses(
        (status = 200, description = "The file, as an attachment with its original name", body = FileContent, content_type = "application/octet-stream"),
        Unauthorized,
        NotFound
    )
)]
#[get("/files/{id}")]
pub async fn download_file(session: Session, id: web::Path<FileId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let file = session
        .clone()
        .run(move |conn, caller| versions::file(conn, caller, id))
        .await?;
    uploads::serve(session.state(), file.storage_key, &file.file_name, &file.content_type).await
}
