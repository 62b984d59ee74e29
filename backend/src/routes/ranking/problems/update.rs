use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, Unauthorized};
use crate::services::ranking;
use actix_web::{put, web};
use openapi::ranking::{SchoolProblem, SchoolProblemInput};
use openapi::{Problem, ProblemId};

/// Rewrites a problem of a round that is not frozen (council or administration).
#[utoipa::path(
    tag = "ranking",
    operation_id = "update_problem",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The problem's id")),
    request_body = SchoolProblemInput,
    responses(
        (status = 200, description = "The changed problem", body = SchoolProblem),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The ranking is frozen (`ranking_frozen`)", body = Problem, content_type = "application/problem+json"),
        Invalid
    )
)]
#[put("/problems/{id}")]
pub async fn update_problem(
    session: Session,
    id: web::Path<ProblemId>,
    body: Json<SchoolProblemInput>,
) -> Result<web::Json<SchoolProblem>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| ranking::update_problem(conn, caller, id, &body.0))
        .await
        .map(web::Json)
}
