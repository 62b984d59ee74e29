use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::consultations;
use actix_web::{HttpResponse, post};
use openapi::consultations::{Consultation, ConsultationRequestInput};

/// Asks a school for a consultation (methodological support), for the caller's own
/// organisation: its administration, council, teachers or partner staff, or the
/// committee (which may also ask for a school it names).
#[utoipa::path(
    tag = "consultations",
    operation_id = "request_consultation",
    security(("bearer" = [])),
    request_body = ConsultationRequestInput,
    responses(
        (status = 201, description = "The requested consultation", body = Consultation, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        Invalid
    )
)]
#[post("/consultations")]
pub async fn request_consultation(
    session: Session,
    body: Json<ConsultationRequestInput>,
) -> Result<HttpResponse, ApiError> {
    let created = session
        .run(move |conn, caller| consultations::request(conn, caller, &body.0))
        .await?;
    Ok(tagged_created(created))
}
