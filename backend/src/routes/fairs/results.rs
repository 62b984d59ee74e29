use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::fairs;
use actix_web::{get, web};
use openapi::fairs::FairResults;
use openapi::{EventId, PageQuery};

/// One page of a fair's results: the stands ranked by the Bayesian mean
/// `(C·m + Σ) / (C + n)` over organisation votes — each organisation whose accounts
/// registered for the fair rated a stand casts one vote for it, the mean of its raters'
/// scores — with C = 5 and m the mean of the fair's votes, ties by the number of votes;
/// the formula comes with its numbers.
#[utoipa::path(
    tag = "fairs",
    operation_id = "get_fair_results",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The fair's id"), PageQuery),
    responses((status = 200, description = "The ranking, one page of stands", body = FairResults), Unauthorized, NotFound)
)]
#[get("/events/{id}/results")]
pub async fn get_fair_results(
    session: Session,
    id: web::Path<EventId>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<FairResults>, ApiError> {
    let (id, page) = (id.into_inner(), page.into_inner());
    session
        .run(move |conn, caller| fairs::results(conn, caller, id, &page))
        .await
        .map(web::Json)
}
