use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::orders;
use actix_web::{HttpResponse, post, web};
use openapi::orders::Order;
use openapi::{OrderId, Problem};

/// The director issues a draft. Refused (409) unless the package is approved
/// (`package_not_approved`), every structure of the project is approved
/// (`structures_not_approved`) and the project cites a problem of a frozen ranking
/// (`no_ranked_problems`); an issued order is not issued again (`order_issued`).
#[utoipa::path(
    tag = "orders",
    operation_id = "issue_order",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The order's id"), IfMatch),
    responses(
        (status = 200, description = "The issued order", body = Order, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Not the school's administration (the director)", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "Issued already, or the project is not ready; `reason` says which", body = Problem, content_type = "application/problem+json"),
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[post("/orders/{id}/issue")]
pub async fn issue_order(
    session: Session,
    id: web::Path<OrderId>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| orders::issue(conn, caller, id, expected))
        .await
        .map(tagged)
}
