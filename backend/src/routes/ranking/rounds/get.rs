use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged;
use crate::services::ranking;
use actix_web::{HttpResponse, get, web};
use openapi::RoundId;
use openapi::ranking::Ranking;

/// The ranking of a round: every problem with its rank, score, criterion means and each
/// member's scores, computed by the method described on `Ranking`.
#[utoipa::path(
    tag = "ranking",
    operation_id = "get_ranking",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The round's id")),
    responses((status = 200, description = "The ranking", body = Ranking, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))), Unauthorized, NotFound)
)]
#[get("/ranking-rounds/{id}")]
pub async fn get_ranking(session: Session, id: web::Path<RoundId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| ranking::get(conn, caller, id))
        .await
        .map(tagged)
}
