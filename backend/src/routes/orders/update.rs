use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::orders;
use actix_web::{HttpResponse, put, web};
use openapi::orders::{Order, OrderInput};
use openapi::{OrderId, Problem};

/// Rewrites a draft (administration or council); an issued order is refused with
/// `order_issued`: a change is a new order that supersedes it.
#[utoipa::path(
    tag = "orders",
    operation_id = "update_order",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The order's id"), IfMatch),
    request_body = OrderInput,
    responses(
        (status = 200, description = "The changed draft", body = Order, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The order is issued (`order_issued`)", body = Problem, content_type = "application/problem+json"),
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[put("/orders/{id}")]
pub async fn update_order(
    session: Session,
    id: web::Path<OrderId>,
    if_match: IfMatch,
    body: Json<OrderInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| orders::update(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
