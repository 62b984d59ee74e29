use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::consultations;
use actix_web::{HttpResponse, post, web};
use openapi::consultations::{Consultation, ScheduleInput};
use openapi::{ConsultationId, Problem};

/// Schedules a requested consultation, or moves a scheduled one (the host school's
/// administration, council or teachers): the day (not in the past), the form, the place
/// or link, and the consultants.
#[utoipa::path(
    tag = "consultations",
    operation_id = "schedule_consultation",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The consultation's id"), IfMatch),
    request_body = ScheduleInput,
    responses(
        (status = 200, description = "The scheduled consultation", body = Consultation, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The consultation is held, declined or cancelled (`consultation_closed`)", body = Problem, content_type = "application/problem+json"),
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[post("/consultations/{id}/schedule")]
pub async fn schedule_consultation(
    session: Session,
    id: web::Path<ConsultationId>,
    if_match: IfMatch,
    body: Json<ScheduleInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| consultations::schedule(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
