use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Invalid, NotFound, Unauthorized};
use crate::services::plan;
use actix_web::{put, web};
use openapi::plan::{Indicator, IndicatorInput};
use openapi::{IndicatorId, Problem};

/// Rewrites an indicator: its title, unit, targets and actual values.
#[utoipa::path(
    tag = "plan",
    operation_id = "update_indicator",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The indicator's id")),
    request_body = IndicatorInput,
    responses(
        (status = 200, description = "The changed indicator", body = Indicator),
        Unauthorized,
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        NotFound,
        Invalid
    )
)]
#[put("/indicators/{id}")]
pub async fn update_indicator(
    session: Session,
    id: web::Path<IndicatorId>,
    body: Json<IndicatorInput>,
) -> Result<web::Json<Indicator>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| plan::update_indicator(conn, caller, id, &body.0))
        .await
        .map(web::Json)
}
