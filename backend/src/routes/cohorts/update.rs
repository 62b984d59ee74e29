use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::cohorts;
use actix_web::{HttpResponse, put, web};
use openapi::CohortId;
use openapi::cohorts::{Cohort, CohortInput};

/// Rewrites a cohort (the school's administration, council or teachers). Sessions named
/// by id are kept with their attendance, new ones added, the others removed. The capacity
/// may not fall below the places taken; a larger one gives places to the waiting list.
#[utoipa::path(
    tag = "cohorts",
    operation_id = "update_cohort",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The cohort's id"), IfMatch),
    request_body = CohortInput,
    responses(
        (status = 200, description = "The changed cohort", body = Cohort, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[put("/cohorts/{id}")]
pub async fn update_cohort(
    session: Session,
    id: web::Path<CohortId>,
    if_match: IfMatch,
    body: Json<CohortInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| cohorts::update(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
