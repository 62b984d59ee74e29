use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::plan;
use actix_web::{HttpResponse, put, web};
use openapi::plan::{Indicator, IndicatorInput};
use openapi::{IndicatorId, Problem};

/// Rewrites an indicator: its title, unit, targets and actual values.
#[utoipa::path(
    tag = "plan",
    operation_id = "update_indicator",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The indicator's id"), IfMatch),
    request_body = IndicatorInput,
    responses(
        (status = 200, description = "The changed indicator", body = Indicator, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        NotFound,
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[put("/indicators/{id}")]
pub async fn update_indicator(
    session: Session,
    id: web::Path<IndicatorId>,
    if_match: IfMatch,
    body: Json<IndicatorInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| plan::update_indicator(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
