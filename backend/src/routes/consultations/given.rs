use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::consultations;
use actix_web::{HttpResponse, post};
use openapi::consultations::{Consultation, GivenConsultationInput};

/// Records a consultation the caller's school gave without a request, as held (the
/// school's administration, council or teachers).
#[utoipa::path(
    tag = "consultations",
    operation_id = "record_consultation",
    security(("bearer" = [])),
    request_body = GivenConsultationInput,
    responses(
        (status = 201, description = "The held consultation", body = Consultation, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        Invalid
    )
)]
#[post("/consultations/given")]
pub async fn record_consultation(
    session: Session,
    body: Json<GivenConsultationInput>,
) -> Result<HttpResponse, ApiError> {
    let created = session
        .run(move |conn, caller| consultations::record_given(conn, caller, &body.0))
        .await?;
    Ok(tagged_created(created))
}
