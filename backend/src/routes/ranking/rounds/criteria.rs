use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, Unauthorized};
use crate::services::ranking;
use actix_web::{put, web};
use openapi::ranking::{CriteriaInput, RankingRound};
use openapi::{Problem, RoundId};

/// Replaces the criteria of a round that nobody has scored yet (council or administration).
#[utoipa::path(
    tag = "ranking",
    operation_id = "update_ranking_criteria",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The round's id")),
    request_body = CriteriaInput,
    responses(
        (status = 200, description = "The round with its new criteria", body = RankingRound),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "Frozen (`ranking_frozen`) or already scored (`ranking_scored`)", body = Problem, content_type = "application/problem+json"),
        Invalid
    )
)]
#[put("/ranking-rounds/{id}/criteria")]
pub async fn update_ranking_criteria(
    session: Session,
    id: web::Path<RoundId>,
    body: Json<CriteriaInput>,
) -> Result<web::Json<RankingRound>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| ranking::update_criteria(conn, caller, id, &body.0))
        .await
        .map(web::Json)
}
