use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::orders;
use actix_web::{get, web};
use openapi::ProjectId;
use openapi::orders::Order;

/// The orders of a project, the latest first.
#[utoipa::path(
    tag = "orders",
    operation_id = "list_orders",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    responses((status = 200, description = "The orders", body = Vec<Order>), Unauthorized, NotFound)
)]
#[get("/projects/{id}/orders")]
pub async fn list_orders(session: Session, id: web::Path<ProjectId>) -> Result<web::Json<Vec<Order>>, ApiError> {
    let project = id.into_inner();
    session
        .run(move |conn, caller| orders::list(conn, caller, project))
        .await
        .map(web::Json)
}
