use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::ranking;
use actix_web::{get, web};
use openapi::ranking::{RankingRound, RoundFilter};
use openapi::{Page, PageQuery, Problem};

/// The ranking rounds of the user's school (the committee: of every school, or of
/// `org_id`), the latest school year first.
#[utoipa::path(
    tag = "ranking",
    operation_id = "list_ranking_rounds",
    security(("bearer" = [])),
    params(PageQuery, RoundFilter),
    responses(
        (status = 200, description = "One page of rounds", body = Page<RankingRound>),
        Unauthorized,
        (status = 403, description = "Another school's rounds, or a partner-only account", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/ranking-rounds")]
pub async fn list_ranking_rounds(
    session: Session,
    page: web::Query<PageQuery>,
    filter: web::Query<RoundFilter>,
) -> Result<web::Json<Page<RankingRound>>, ApiError> {
    let (page, filter) = (page.into_inner(), filter.into_inner());
    session
        .run(move |conn, caller| ranking::list_rounds(conn, caller, &page, &filter))
        .await
        .map(web::Json)
}
