use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::plan;
use actix_web::{get, web};
use openapi::plan::{PlanFilter, PlanItem};
use openapi::{Page, PageQuery, ProjectId};

/// A project's plan items by deadline, each marked overdue when it is.
#[utoipa::path(
    tag = "plan",
    operation_id = "list_plan_items",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id"), PageQuery, PlanFilter),
    responses((status = 200, description = "One page of the plan", body = Page<PlanItem>), Unauthorized, NotFound)
)]
#[get("/projects/{id}/plan-items")]
pub async fn list_plan_items(
    session: Session,
    id: web::Path<ProjectId>,
    page: web::Query<PageQuery>,
    filter: web::Query<PlanFilter>,
) -> Result<web::Json<Page<PlanItem>>, ApiError> {
    let project = id.into_inner();
    let (page, filter) = (page.into_inner(), filter.into_inner());
    session
        .run(move |conn, caller| plan::items(conn, caller, project, &page, &filter))
        .await
        .map(web::Json)
}
