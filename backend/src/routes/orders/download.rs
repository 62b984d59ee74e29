use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::uploads::{FileContent, disposition};
use crate::services::orders;
use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use openapi::OrderId;

/// The DOCX media type.
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The order as a DOCX file laid out as a Russian school order (header with the school's
/// name, ПРИКАЗ, date and number, numbered points, signature line, the participants in
/// an appendix). A draft's file is marked as a draft in its name.
#[utoipa::path(
    tag = "orders",
    operation_id = "download_order_docx",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The order's id")),
    responses(
        (status = 200, description = "The DOCX file", body = FileContent, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        Unauthorized,
        NotFound
    )
)]
#[get("/orders/{id}/docx")]
pub async fn download_order_docx(session: Session, id: web::Path<OrderId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (bytes, name) = session.run(move |conn, caller| orders::docx(conn, caller, id)).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, DOCX))
        .insert_header(disposition(&name))
        .body(bytes))
}
