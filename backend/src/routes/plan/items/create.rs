use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Invalid, ItemLimit, NotFound, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::plan;
use actix_web::{HttpResponse, post, web};
use openapi::plan::{PlanItem, PlanItemInput};
use openapi::{Problem, ProjectId};

/// Plans an item (the school's administration, council or staff).
#[utoipa::path(
    tag = "plan",
    operation_id = "create_plan_item",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = PlanItemInput,
    responses(
        (status = 201, description = "The new item", body = PlanItem, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        NotFound,
        ItemLimit,
        Invalid
    )
)]
#[post("/projects/{id}/plan-items")]
pub async fn create_plan_item(
    session: Session,
    id: web::Path<ProjectId>,
    body: Json<PlanItemInput>,
) -> Result<HttpResponse, ApiError> {
    let project = id.into_inner();
    let created = session
        .run(move |conn, caller| plan::create_item(conn, caller, project, &body.0))
        .await?;
    Ok(tagged_created(created))
}
