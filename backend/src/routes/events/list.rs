use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::events;
use actix_web::{get, web};
use openapi::events::{EventFilter, EventItem};
use openapi::{Page, PageQuery};

/// The municipality's calendar, by first day: the published and cancelled events of every
/// school and the committee, and the drafts of the caller's own organisation (every
/// draft for the committee). A school's history is its `org_id`, past included. Each item
/// is what the calendar shows; the whole event is at `GET /api/events/{id}`.
#[utoipa::path(
    tag = "events",
    operation_id = "list_events",
    security(("bearer" = [])),
    params(PageQuery, EventFilter),
    responses((status = 200, description = "One page of events", body = Page<EventItem>), Unauthorized)
)]
#[get("/events")]
pub async fn list_events(
    session: Session,
    page: web::Query<PageQuery>,
    filter: web::Query<EventFilter>,
) -> Result<web::Json<Page<EventItem>>, ApiError> {
    let (page, filter) = (page.into_inner(), filter.into_inner());
    session
        .run(move |conn, caller| events::list(conn, caller, &page, &filter))
        .await
        .map(web::Json)
}
