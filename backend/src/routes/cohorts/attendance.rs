use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, Unauthorized};
use crate::services::cohorts;
use actix_web::{put, web};
use openapi::CohortSessionId;
use openapi::cohorts::{SessionAttendance, SessionAttendanceInput};

/// Marks who attended a session of a cohort (the host school's administration, council
/// or teachers): the whole list of enrolments present, replacing the marks so far.
#[utoipa::path(
    tag = "cohorts",
    operation_id = "mark_attendance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The session's id")),
    request_body = SessionAttendanceInput,
    responses(
        (status = 200, description = "The session's marks", body = SessionAttendance),
        Unauthorized,
        Forbidden,
        NotFound,
        Invalid
    )
)]
#[put("/cohort-sessions/{id}/attendance")]
pub async fn mark_attendance(
    session: Session,
    id: web::Path<CohortSessionId>,
    body: Json<SessionAttendanceInput>,
) -> Result<web::Json<SessionAttendance>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| cohorts::mark_attendance(conn, caller, id, &body.0))
        .await
        .map(web::Json)
}
