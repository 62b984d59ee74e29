use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::plan;
use actix_web::{HttpResponse, put, web};
use openapi::plan::{PlanItem, PlanItemInput};
use openapi::{PlanItemId, Problem};

/// Rewrites an item: its status, evidence and completion date as the work goes.
#[utoipa::path(
    tag = "plan",
    operation_id = "update_plan_item",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The item's id"), IfMatch),
    request_body = PlanItemInput,
    responses(
        (status = 200, description = "The changed item", body = PlanItem, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        NotFound,
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[put("/plan-items/{id}")]
pub async fn update_plan_item(
    session: Session,
    id: web::Path<PlanItemId>,
    if_match: IfMatch,
    body: Json<PlanItemInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| plan::update_item(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
