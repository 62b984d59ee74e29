use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged;
use crate::services::ranking;
use actix_web::{HttpResponse, post, web};
use openapi::ranking::Ranking;
use openapi::{Problem, RoundId};

/// Freezes the ranking (the director): no more problems, edits or scores; the result
/// stays as computed now.
#[utoipa::path(
    tag = "ranking",
    operation_id = "freeze_ranking",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The round's id")),
    responses(
        (status = 200, description = "The frozen ranking", body = Ranking, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Not the school's administration", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "Frozen already (`ranking_frozen`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/ranking-rounds/{id}/freeze")]
pub async fn freeze_ranking(session: Session, id: web::Path<RoundId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| ranking::freeze(conn, caller, id))
        .await
        .map(tagged)
}
