//! `GET /api/requests`.

use crate::auth::CurrentUser;
use crate::db::models::PageRequest;
use crate::db::models::request::{self, Scope};
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::requests::{ConsumerRequest, RequestBox, RequestFilter};
use openapi::users::Role;
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
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No box given by a user outside the committee", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/requests")]
pub async fn list_requests(
    state: web::Data<AppState>,
    current: CurrentUser,
    page: web::Query<PageQuery>,
    filter: web::Query<RequestFilter>,
) -> Result<web::Json<Page<ConsumerRequest>>, ApiError> {
    let page = PageRequest::parse(&page)?;
    let filter = filter.into_inner();
    let org = current.actor.org_id.0;
    let scope = match filter.mailbox {
        Some(RequestBox::Inbox) => Scope::Inbox(org),
        Some(RequestBox::Outbox) => Scope::Outbox(org),
        None if current.actor.has(Role::Committee) => Scope::All,
        None => {
            return Err(ApiError::field(
                "box",
                openapi::FieldErrorCode::Required,
                "choose inbox or outbox",
            ));
        }
    };
    crate::db::run(&state.pool, move |conn| {
        let (items, total) = request::list(conn, scope, filter.status, filter.q.as_deref(), page)?;
        Ok(page.wrap(items, total))
    })
    .await
    .map(web::Json)
}
