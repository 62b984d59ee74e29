use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, Unauthorized};
use crate::services::orders;
use actix_web::{put, web};
use openapi::orders::{Order, OrderInput};
use openapi::{OrderId, Problem};

/// Rewrites a draft (administration or council); an issued order is refused with
/// `order_issued`: a change is a new order that supersedes it.
#[utoipa::path(
    tag = "orders",
    operation_id = "update_order",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The order's id")),
    request_body = OrderInput,
    responses(
        (status = 200, description = "The changed draft", body = Order),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The order is issued (`order_issued`)", body = Problem, content_type = "application/problem+json"),
        Invalid
    )
)]
#[put("/orders/{id}")]
pub async fn update_order(
    session: Session,
    id: web::Path<OrderId>,
    body: Json<OrderInput>,
) -> Result<web::Json<Order>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| orders::update(conn, caller, id, &body.0))
        .await
        .map(web::Json)
}
