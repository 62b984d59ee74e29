use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Invalid, NotFound, Unauthorized};
use crate::services::plan;
use actix_web::{put, web};
use openapi::plan::{PlanItem, PlanItemInput};
use openapi::{PlanItemId, Problem};

/// Rewrites an item: its status, evidence and completion date as the work goes.
#[utoipa::path(
    tag = "plan",
    operation_id = "update_plan_item",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The item's id")),
    request_body = PlanItemInput,
    responses(
        (status = 200, description = "The changed item", body = PlanItem),
        Unauthorized,
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        NotFound,
        Invalid
    )
)]
#[put("/plan-items/{id}")]
pub async fn update_plan_item(
    session: Session,
    id: web::Path<PlanItemId>,
    body: Json<PlanItemInput>,
) -> Result<web::Json<PlanItem>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| plan::update_item(conn, caller, id, &body.0))
        .await
        .map(web::Json)
}
