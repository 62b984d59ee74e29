use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::cohorts;
use actix_web::{get, web};
use openapi::cohorts::Cohort;
use openapi::{Page, PageQuery, ResourceId};

/// The cohorts of a training programme, the latest start first.
#[utoipa::path(
    tag = "cohorts",
    operation_id = "list_cohorts",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The programme's (resource's) id"), PageQuery),
    responses((status = 200, description = "One page of cohorts", body = Page<Cohort>), Unauthorized, NotFound)
)]
#[get("/resources/{id}/cohorts")]
pub async fn list_cohorts(
    session: Session,
    id: web::Path<ResourceId>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<Cohort>>, ApiError> {
    let (resource, page) = (id.into_inner(), page.into_inner());
    session
        .run(move |conn, caller| cohorts::list(conn, caller, resource, &page))
        .await
        .map(web::Json)
}
