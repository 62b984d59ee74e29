use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::consultations;
use actix_web::{HttpResponse, post, web};
use openapi::consultations::{Consultation, HeldInput};
use openapi::{ConsultationId, Problem};

/// Records a requested or scheduled consultation as held (the host school's
/// administration, council or teachers): the day (not in the future), the form, the
/// consultants, the participants and their number, the outcome and the follow-ups.
#[utoipa::path(
    tag = "consultations",
    operation_id = "hold_consultation",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The consultation's id"), IfMatch),
    request_body = HeldInput,
    responses(
        (status = 200, description = "The held consultation", body = Consultation, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The consultation is held, declined or cancelled (`consultation_closed`)", body = Problem, content_type = "application/problem+json"),
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[post("/consultations/{id}/hold")]
pub async fn hold_consultation(
    session: Session,
    id: web::Path<ConsultationId>,
    if_match: IfMatch,
    body: Json<HeldInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| consultations::hold(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
