//! `GET /api/resources/{id}/transitions`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::lifecycle;
use actix_web::{get, web};
use openapi::lifecycle::Transition;
use openapi::{Page, PageQuery, ResourceId};

/// The lifecycle history of a resource, oldest first: who moved it, when and why.
#[utoipa::path(
    tag = "lifecycle",
    operation_id = "list_transitions",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id"), PageQuery),
    responses(
        (status = 200, description = "One page of transitions", body = Page<Transition>),
        Unauthorized,
        NotFound
    )
)]
#[get("/resources/{id}/transitions")]
pub async fn list_transitions(
    session: Session,
    id: web::Path<ResourceId>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<Transition>>, ApiError> {
    let (resource, page) = (id.into_inner(), page.into_inner());
    session
        .run(move |conn, caller| lifecycle::history(conn, caller, resource, &page))
        .await
        .map(web::Json)
}
