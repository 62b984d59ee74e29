use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::consultations;
use actix_web::{HttpResponse, post, web};
use openapi::consultations::{Consultation, ConsultationReasonInput};
use openapi::{ConsultationId, Problem};

/// Calls off a consultation not held yet, with a reason: the host school's
/// administration, council or teachers, the recipient's side, or whoever asked for it.
#[utoipa::path(
    tag = "consultations",
    operation_id = "cancel_consultation",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The consultation's id"), IfMatch),
    request_body = ConsultationReasonInput,
    responses(
        (status = 200, description = "The cancelled consultation", body = Consultation, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The consultation is held, declined or cancelled (`consultation_closed`)", body = Problem, content_type = "application/problem+json"),
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[post("/consultations/{id}/cancel")]
pub async fn cancel_consultation(
    session: Session,
    id: web::Path<ConsultationId>,
    if_match: IfMatch,
    body: Json<ConsultationReasonInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| consultations::cancel(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
