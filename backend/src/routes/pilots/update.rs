use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::pilots;
use actix_web::{HttpResponse, put, web};
use openapi::pilots::{Pilot, PilotInput};
use openapi::{PilotId, Problem};

/// Rewrites a pilot (the school's administration, council or teachers): its schools,
/// period, participants, method and results as the work goes. A concluded pilot is
/// refused with `pilot_concluded`.
#[utoipa::path(
    tag = "pilots",
    operation_id = "update_pilot",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The pilot's id"), IfMatch),
    request_body = PilotInput,
    responses(
        (status = 200, description = "The changed pilot", body = Pilot, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The pilot is concluded (`pilot_concluded`)", body = Problem, content_type = "application/problem+json"),
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[put("/pilots/{id}")]
pub async fn update_pilot(
    session: Session,
    id: web::Path<PilotId>,
    if_match: IfMatch,
    body: Json<PilotInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| pilots::update(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
