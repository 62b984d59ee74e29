//! `GET /api/resources/{id}/versions`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::versions;
use actix_web::{get, web};
use openapi::resources::ResourceVersion;
use openapi::{Page, PageQuery, ResourceId};

/// Lists a resource's versions, newest first, with their files.
#[utoipa::path(
    tag = "resources",
    operation_id = "list_resource_versions",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id"), PageQuery),
    responses(
        (status = 200, description = "One page of versions", body = Page<ResourceVersion>),
        Unauthorized,
        NotFound
    )
)]
#[get("/resources/{id}/versions")]
pub async fn list_resource_versions(
    session: Session,
    id: web::Path<ResourceId>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<ResourceVersion>>, ApiError> {
    let (resource, page) = (id.into_inner(), page.into_inner());
    session
        .run(move |conn, caller| versions::list(conn, caller, resource, &page))
        .await
        .map(web::Json)
}
