//! `GET /api/deliveries`.

use crate::auth::CurrentUser;
use crate::db::models::PageRequest;
use crate::db::models::delivery::{self, Scope};
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::lifecycle::{Delivery, DeliveryFilter};
use openapi::users::Role;
use openapi::{Page, PageQuery, Problem};

/// Lists deliveries, newest first: the committee sees all; a school sees what it
/// delivered and received; a partner-only account sees what its school received.
#[utoipa::path(
    tag = "lifecycle",
    operation_id = "list_deliveries",
    security(("bearer" = [])),
    params(PageQuery, DeliveryFilter),
    responses(
        (status = 200, description = "One page of deliveries", body = Page<Delivery>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/deliveries")]
pub async fn list_deliveries(
    state: web::Data<AppState>,
    current: CurrentUser,
    page: web::Query<PageQuery>,
    filter: web::Query<DeliveryFilter>,
) -> Result<web::Json<Page<Delivery>>, ApiError> {
    let page = PageRequest::parse(&page)?;
    let filter = filter.into_inner();
    let org = current.actor.org_id;
    let scope = if current.actor.has(Role::Committee) {
        Scope::All
    } else if policy::can_read_school_work(&current.actor, org) {
        Scope::School(org.0)
    } else {
        Scope::Received(org.0)
    };
    crate::db::run(&state.pool, move |conn| {
        let (items, total) = delivery::list(conn, scope, &filter, page, current.actor.user_id.0)?;
        Ok(page.wrap(items, total))
    })
    .await
    .map(web::Json)
}
