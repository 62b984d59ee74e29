use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::ranking;
use actix_web::{HttpResponse, put, web};
use openapi::ranking::{SchoolProblem, SchoolProblemInput};
use openapi::{Problem, ProblemId};

/// Rewrites a problem of a round that is not frozen (council or administration).
#[utoipa::path(
    tag = "ranking",
    operation_id = "update_problem",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The problem's id"), IfMatch),
    request_body = SchoolProblemInput,
    responses(
        (status = 200, description = "The changed problem", body = SchoolProblem, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The ranking is frozen (`ranking_frozen`)", body = Problem, content_type = "application/problem+json"),
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[put("/problems/{id}")]
pub async fn update_problem(
    session: Session,
    id: web::Path<ProblemId>,
    if_match: IfMatch,
    body: Json<SchoolProblemInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| ranking::update_problem(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
