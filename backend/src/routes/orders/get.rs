use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged;
use crate::services::orders;
use actix_web::{HttpResponse, get, web};
use openapi::OrderId;
use openapi::orders::Order;

/// One order.
#[utoipa::path(
    tag = "orders",
    operation_id = "get_order",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The order's id")),
    responses((status = 200, description = "The order", body = Order, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))), Unauthorized, NotFound)
)]
#[get("/orders/{id}")]
pub async fn get_order(session: Session, id: web::Path<OrderId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| orders::get(conn, caller, id))
        .await
        .map(tagged)
}
