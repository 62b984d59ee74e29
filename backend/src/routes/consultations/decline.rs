use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::consultations;
use actix_web::{HttpResponse, post, web};
use openapi::consultations::{Consultation, ConsultationReasonInput};
use openapi::{ConsultationId, Problem};

/// Declines a requested consultation with a reason (the host school's administration,
/// council or teachers); a scheduled one is cancelled instead.
#[utoipa::path(
    tag = "consultations",
    operation_id = "decline_consultation",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The consultation's id"), IfMatch),
    request_body = ConsultationReasonInput,
    responses(
        (status = 200, description = "The declined consultation", body = Consultation, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The consultation is scheduled (`consultation_scheduled`), or held, declined or cancelled (`consultation_closed`)", body = Problem, content_type = "application/problem+json"),
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[post("/consultations/{id}/decline")]
pub async fn decline_consultation(
    session: Session,
    id: web::Path<ConsultationId>,
    if_match: IfMatch,
    body: Json<ConsultationReasonInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| consultations::decline(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
