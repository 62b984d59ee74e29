use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{Forbidden, NotFound, Unauthorized};
use crate::services::ranking;
use actix_web::{HttpResponse, delete, web};
use openapi::{Problem, ProblemId};

/// Removes a problem and its scores from a round that is not frozen (council or
/// administration); a problem a project cites stays.
#[utoipa::path(
    tag = "ranking",
    operation_id = "delete_problem",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The problem's id")),
    responses(
        (status = 204, description = "Removed"),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The ranking is frozen (`ranking_frozen`) or a project cites it (`problem_cited`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/problems/{id}")]
pub async fn delete_problem(session: Session, id: web::Path<ProblemId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| ranking::delete_problem(conn, caller, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
