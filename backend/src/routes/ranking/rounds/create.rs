use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::ranking;
use actix_web::{HttpResponse, post};
use openapi::Problem;
use openapi::ranking::{RankingRound, RoundInput};

/// Opens the ranking of a school year for the user's school (council or administration);
/// one round per school and year. Without criteria the round uses «Значимость» ×3,
/// «Актуальность» ×2 and «Реализуемость» ×1.
#[utoipa::path(
    tag = "ranking",
    operation_id = "create_ranking_round",
    security(("bearer" = [])),
    request_body = RoundInput,
    responses(
        (status = 201, description = "The new round", body = RankingRound, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        (status = 409, description = "The school already has a round for that year", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid year or criteria, each named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/ranking-rounds")]
pub async fn create_ranking_round(session: Session, body: Json<RoundInput>) -> Result<HttpResponse, ApiError> {
    let created = session
        .run(move |conn, caller| ranking::create_round(conn, caller, &body.0))
        .await?;
    Ok(tagged_created(created))
}
