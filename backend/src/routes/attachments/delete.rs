use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::uploads;
use crate::services::attachments;
use actix_web::{HttpResponse, delete, web};
use openapi::{AttachmentId, Problem};

/// Removes an attached file (the school's administration, council or staff); a decided
/// version's and a concluded pilot's files stay.
#[utoipa::path(
    tag = "package",
    operation_id = "delete_attachment",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The file's id")),
    responses(
        (status = 204, description = "Removed"),
        Unauthorized,
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "The version is decided (`not_under_review`) or the pilot concluded (`pilot_concluded`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/attachments/{id}")]
pub async fn delete_attachment(session: Session, id: web::Path<AttachmentId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let files = session.clone();
    let key = session
        .run(move |conn, caller| attachments::remove(conn, caller, id))
        .await?;
    uploads::discard(files.state(), &key);
    Ok(HttpResponse::NoContent().finish())
}
