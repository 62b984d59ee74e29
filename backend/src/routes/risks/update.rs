use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::risks;
use actix_web::{HttpResponse, put, web};
use openapi::RiskId;
use openapi::risks::{Risk, RiskInput};

/// Rewrites a risk (the school's administration, council or teachers); a change of its
/// status, likelihood, impact or review date is added to its history with the note.
#[utoipa::path(
    tag = "risks",
    operation_id = "update_risk",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The risk's id"), IfMatch),
    request_body = RiskInput,
    responses(
        (status = 200, description = "The changed risk", body = Risk, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[put("/risks/{id}")]
pub async fn update_risk(
    session: Session,
    id: web::Path<RiskId>,
    if_match: IfMatch,
    body: Json<RiskInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| risks::update(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
