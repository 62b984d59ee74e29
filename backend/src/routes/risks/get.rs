use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged;
use crate::services::risks;
use actix_web::{HttpResponse, get, web};
use openapi::RiskId;
use openapi::risks::Risk;

/// One risk.
#[utoipa::path(
    tag = "risks",
    operation_id = "get_risk",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The risk's id")),
    responses((status = 200, description = "The risk", body = Risk, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))), Unauthorized, NotFound)
)]
#[get("/risks/{id}")]
pub async fn get_risk(session: Session, id: web::Path<RiskId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| risks::get(conn, caller, id))
        .await
        .map(tagged)
}
