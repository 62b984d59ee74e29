use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::pilots;
use actix_web::{HttpResponse, post, web};
use openapi::pilots::{ConclusionInput, Pilot};
use openapi::{PilotId, Problem};

/// Concludes a pilot (the school's administration, council or teachers): recommended, to
/// revise or not recommended, on a day between its start and today, with its final
/// results. A concluded pilot does not change again (`pilot_concluded`).
#[utoipa::path(
    tag = "pilots",
    operation_id = "conclude_pilot",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The pilot's id"), IfMatch),
    request_body = ConclusionInput,
    responses(
        (status = 200, description = "The completed pilot", body = Pilot, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The pilot is concluded already (`pilot_concluded`)", body = Problem, content_type = "application/problem+json"),
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[post("/pilots/{id}/conclude")]
pub async fn conclude_pilot(
    session: Session,
    id: web::Path<PilotId>,
    if_match: IfMatch,
    body: Json<ConclusionInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| pilots::conclude(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
