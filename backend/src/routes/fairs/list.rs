use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::fairs;
use actix_web::{get, web};
use openapi::fairs::Stand;
use openapi::{EventId, Page, PageQuery};

/// One page of the stands of a fair in the order they were submitted, with their counted
/// ratings, rating organisations and the caller's own rating.
#[utoipa::path(
    tag = "fairs",
    operation_id = "list_stands",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The fair's id"), PageQuery),
    responses((status = 200, description = "One page of stands", body = Page<Stand>), Unauthorized, NotFound)
)]
#[get("/events/{id}/stands")]
pub async fn list_stands(
    session: Session,
    id: web::Path<EventId>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<Stand>>, ApiError> {
    let (id, page) = (id.into_inner(), page.into_inner());
    session
        .run(move |conn, caller| fairs::list(conn, caller, id, &page))
        .await
        .map(web::Json)
}
