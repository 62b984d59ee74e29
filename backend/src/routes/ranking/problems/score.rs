use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::ranking;
use actix_web::{put, web};
use openapi::ranking::{Ranking, ScoreInput};
use openapi::{Problem, ProblemId};

/// The signed-in council member scores a problem, one score from 1 to 5 per criterion;
/// scoring again replaces their scores. Returns the recomputed ranking.
#[utoipa::path(
    tag = "ranking",
    operation_id = "score_problem",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The problem's id")),
    request_body = ScoreInput,
    responses(
        (status = 200, description = "The ranking with these scores", body = Ranking),
        Unauthorized,
        (status = 403, description = "Not a council member of the school", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "The ranking is frozen (`ranking_frozen`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not one score per criterion, or a score outside 1–5", body = Problem, content_type = "application/problem+json")
    )
)]
#[put("/problems/{id}/scores/me")]
pub async fn score_problem(
    session: Session,
    id: web::Path<ProblemId>,
    body: Json<ScoreInput>,
) -> Result<web::Json<Ranking>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| ranking::score(conn, caller, id, &body.0))
        .await
        .map(web::Json)
}
