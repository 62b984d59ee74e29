use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::uploads::{self, FileContent};
use crate::services::attachments;
use actix_web::{HttpResponse, get, web};
use openapi::AttachmentId;

/// Downloads an attached file, for whoever may read the school's work.
#[utoipa::path(
    tag = "package",
    operation_id = "download_attachment",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The file's id")),
    responses(
        (status = 200, description = "The file, as an attachment with its original name", body = FileContent, content_type = "application/octet-stream"),
        Unauthorized,
        NotFound
    )
)]
#[get("/attachments/{id}")]
pub async fn download_attachment(session: Session, id: web::Path<AttachmentId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let files = session.clone();
    let row = session
        .run(move |conn, caller| attachments::file(conn, caller, id))
        .await?;
    uploads::serve(files.state(), row.storage_key, &row.file_name, &row.content_type).await
}
