use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::pilots;
use actix_web::{get, web};
use openapi::pilots::Pilot;
use openapi::{Page, PageQuery, ResourceId};

/// The pilots of a resource, the latest start first.
#[utoipa::path(
    tag = "pilots",
    operation_id = "list_pilots",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id"), PageQuery),
    responses((status = 200, description = "One page of pilots", body = Page<Pilot>), Unauthorized, NotFound)
)]
#[get("/resources/{id}/pilots")]
pub async fn list_pilots(
    session: Session,
    id: web::Path<ResourceId>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<Pilot>>, ApiError> {
    let (resource, page) = (id.into_inner(), page.into_inner());
    session
        .run(move |conn, caller| pilots::list(conn, caller, resource, &page))
        .await
        .map(web::Json)
}
