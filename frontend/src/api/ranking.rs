//! `/api/ranking-rounds` and `/api/problems`: the problem-oriented analysis of a school,
//! its problems scored by the council on weighted criteria and ranked.

use super::ApiError;
use super::client::Call;
use openapi::pagination::MAX_PER_PAGE;
use openapi::ranking::{
    CriteriaInput, Ranking, RankingRound, RoundInput, SchoolProblem, SchoolProblemInput, ScoreInput,
};
use openapi::{OrganisationId, Page};

/// `GET /api/ranking-rounds`: the rounds of the user's school (or of `org` for the
/// committee), the latest school year first.
pub async fn list_rounds(org: Option<OrganisationId>, school_year: Option<i32>) -> Result<Vec<RankingRound>, ApiError> {
    let page: Page<RankingRound> = Call::get("/api/ranking-rounds")
        .query("org_id", org)
        .query("school_year", school_year)
        .query("per_page", Some(MAX_PER_PAGE))
        .send()
        .await?;
    Ok(page.items)
}

/// `POST /api/ranking-rounds`: opens the ranking of a school year.
pub async fn open_round(input: &RoundInput) -> Result<RankingRound, ApiError> {
    Call::post("/api/ranking-rounds").json(input).send().await
}

/// `GET /api/ranking-rounds/{id}`: the ranking of a round.
pub async fn get_ranking(round: i64) -> Result<Ranking, ApiError> {
    Call::get(format!("/api/ranking-rounds/{round}")).send().await
}

/// `PUT /api/ranking-rounds/{id}/criteria`: new criteria while nobody has scored.
/// Made on the record's `version` as read (`If-Match`); a stale one is refused with `412`.
pub async fn set_criteria(round: i64, version: i32, input: &CriteriaInput) -> Result<RankingRound, ApiError> {
    Call::put(format!("/api/ranking-rounds/{round}/criteria"))
        .if_match(version)
        .json(input)
        .send()
        .await
}

/// `POST /api/ranking-rounds/{id}/freeze`: the director freezes the ranking.
pub async fn freeze(round: i64) -> Result<Ranking, ApiError> {
    Call::post(format!("/api/ranking-rounds/{round}/freeze")).send().await
}

/// `POST /api/ranking-rounds/{id}/problems`: lists a problem in the round.
pub async fn add_problem(round: i64, input: &SchoolProblemInput) -> Result<SchoolProblem, ApiError> {
    Call::post(format!("/api/ranking-rounds/{round}/problems"))
        .json(input)
        .send()
        .await
}

/// `PUT /api/problems/{id}`: rewrites a problem.
/// Made on the record's `version` as read (`If-Match`); a stale one is refused with `412`.
pub async fn update_problem(id: i64, version: i32, input: &SchoolProblemInput) -> Result<SchoolProblem, ApiError> {
    Call::put(format!("/api/problems/{id}"))
        .if_match(version)
        .json(input)
        .send()
        .await
}

/// `DELETE /api/problems/{id}`: removes a problem and its scores.
pub async fn delete_problem(id: i64) -> Result<(), ApiError> {
    Call::delete(format!("/api/problems/{id}")).send().await
}

/// `PUT /api/problems/{id}/scores/me`: the signed-in council member's scores.
pub async fn score(id: i64, input: &ScoreInput) -> Result<Ranking, ApiError> {
    Call::put(format!("/api/problems/{id}/scores/me"))
        .json(input)
        .send()
        .await
}
