use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::fairs;
use actix_web::{get, web};
use openapi::EventId;
use openapi::fairs::FairResults;

/// The results of a fair: the stands ranked by the Bayesian mean
/// `(C·m + Σ) / (C + n)` with C = 5 and m the fair's mean, ties by the number of ratings;
/// the formula comes with its numbers.
#[utoipa::path(
    tag = "fairs",
    operation_id = "get_fair_results",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The fair's id")),
    responses((status = 200, description = "The ranking", body = FairResults), Unauthorized, NotFound)
)]
#[get("/events/{id}/results")]
pub async fn get_fair_results(session: Session, id: web::Path<EventId>) -> Result<web::Json<FairResults>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| fairs::results(conn, caller, id))
        .await
        .map(web::Json)
}
