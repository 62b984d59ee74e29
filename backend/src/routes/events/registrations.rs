use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{Forbidden, NotFound, Unauthorized};
use crate::services::events;
use actix_web::{get, web};
use openapi::events::Registration;
use openapi::{EventId, Page, PageQuery};

/// The registrations of an event in the order they came, cancelled ones included, with
/// their codes and attendance: for the organisation's staff and the committee.
#[utoipa::path(
    tag = "events",
    operation_id = "list_event_registrations",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The event's id"), PageQuery),
    responses((status = 200, description = "One page of registrations", body = Page<Registration>), Unauthorized, Forbidden, NotFound)
)]
#[get("/events/{id}/registrations")]
pub async fn list_event_registrations(
    session: Session,
    id: web::Path<EventId>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<Registration>>, ApiError> {
    let (id, page) = (id.into_inner(), page.into_inner());
    session
        .run(move |conn, caller| events::registrations(conn, caller, id, &page))
        .await
        .map(web::Json)
}
