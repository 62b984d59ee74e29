use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::ranking;
use actix_web::{HttpResponse, put, web};
use openapi::ranking::{CriteriaInput, RankingRound};
use openapi::{Problem, RoundId};

/// Replaces the criteria of a round that nobody has scored yet (council or administration).
#[utoipa::path(
    tag = "ranking",
    operation_id = "update_ranking_criteria",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The round's id"), IfMatch),
    request_body = CriteriaInput,
    responses(
        (status = 200, description = "The round with its new criteria", body = RankingRound, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "Frozen (`ranking_frozen`) or already scored (`ranking_scored`)", body = Problem, content_type = "application/problem+json"),
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[put("/ranking-rounds/{id}/criteria")]
pub async fn update_ranking_criteria(
    session: Session,
    id: web::Path<RoundId>,
    if_match: IfMatch,
    body: Json<CriteriaInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| ranking::update_criteria(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
