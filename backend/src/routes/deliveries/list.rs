//! `GET /api/deliveries`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::deliveries;
use actix_web::{get, web};
use openapi::lifecycle::{Delivery, DeliveryFilter};
use openapi::{Page, PageQuery};

/// Lists deliveries, newest first: the committee sees all; a school sees what it
/// delivered and received; a partner-only account sees what its school received.
#[utoipa::path(
    tag = "lifecycle",
    operation_id = "list_deliveries",
    security(("bearer" = [])),
    params(PageQuery, DeliveryFilter),
    responses((status = 200, description = "One page of deliveries", body = Page<Delivery>), Unauthorized)
)]
#[get("/deliveries")]
pub async fn list_deliveries(
    session: Session,
    page: web::Query<PageQuery>,
    filter: web::Query<DeliveryFilter>,
) -> Result<web::Json<Page<Delivery>>, ApiError> {
    let (page, filter) = (page.into_inner(), filter.into_inner());
    session
        .run(move |conn, caller| deliveries::list(conn, caller, &page, &filter))
        .await
        .map(web::Json)
}
