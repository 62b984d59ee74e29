use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::uploads::{FileContent, disposition};
use crate::services::enrolments;
use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use openapi::EnrolmentId;
use openapi::cohorts::Certificate;

/// The DOCX media type.
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The certificate of a completed enrolment, for the print view (the holder, their
/// school's administration, the host school's staff, the committee); `404` before
/// completion.
#[utoipa::path(
    tag = "cohorts",
    operation_id = "get_certificate",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The enrolment's id")),
    responses((status = 200, description = "The certificate", body = Certificate), Unauthorized, NotFound)
)]
#[get("/enrolments/{id}/certificate")]
pub async fn get_certificate(session: Session, id: web::Path<EnrolmentId>) -> Result<web::Json<Certificate>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| enrolments::certificate(conn, caller, id))
        .await
        .map(web::Json)
}

/// The certificate as a DOCX file laid out as «УДОСТОВЕРЕНИЕ о повышении квалификации»
/// (16 hours or more) or «СЕРТИФИКАТ», read like the certificate.
#[utoipa::path(
    tag = "cohorts",
    operation_id = "download_certificate_docx",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The enrolment's id")),
    responses(
        (status = 200, description = "The DOCX file", body = FileContent, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        Unauthorized,
        NotFound
    )
)]
#[get("/enrolments/{id}/certificate.docx")]
pub async fn download_certificate_docx(session: Session, id: web::Path<EnrolmentId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (bytes, name) = session
        .run(move |conn, caller| enrolments::certificate_docx(conn, caller, id))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, DOCX))
        .insert_header(disposition(&name))
        .body(bytes))
}
