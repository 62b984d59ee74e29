use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::uploads;
use crate::services::plan;
use actix_web::{HttpResponse, delete, web};
use openapi::{PlanItemId, Problem};

/// Removes an item from the plan.
#[utoipa::path(
    tag = "plan",
    operation_id = "delete_plan_item",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The item's id")),
    responses(
        (status = 204, description = "Removed"),
        Unauthorized,
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        NotFound
    )
)]
#[delete("/plan-items/{id}")]
pub async fn delete_plan_item(session: Session, id: web::Path<PlanItemId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let files = session.clone();
    let keys = session
        .run(move |conn, caller| plan::delete_item(conn, caller, id))
        .await?;
    for key in keys {
        uploads::discard(files.state(), &key);
    }
    Ok(HttpResponse::NoContent().finish())
}
