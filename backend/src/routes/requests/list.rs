//! `GET /api/requests`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::requests;
use actix_web::{get, web};
use openapi::requests::{ConsumerRequest, RequestFilter};
use openapi::{Page, PageQuery, Problem};

/// Lists requests, newest first: `box=inbox` — addressed to my school or open to the
/// catalogue; `box=outbox` — filed by my organisation; no box — every request (committee).
#[utoipa::path(
    tag = "requests",
    operation_id = "list_requests",
    security(("bearer" = [])),
    params(PageQuery, RequestFilter),
    responses(
        (status = 200, description = "One page of requests", body = Page<ConsumerRequest>),
        Unauthorized,
        (status = 422, description = "No box given by a user outside the committee", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/requests")]
pub async fn list_requests(
    session: Session,
    page: web::Query<PageQuery>,
    filter: web::Query<RequestFilter>,
) -> Result<web::Json<Page<ConsumerRequest>>, ApiError> {
    let (page, filter) = (page.into_inner(), filter.into_inner());
    session
        .run(move |conn, caller| requests::list(conn, caller, &page, &filter))
        .await
        .map(web::Json)
}
