use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged;
use crate::services::pilots;
use actix_web::{HttpResponse, get, web};
use openapi::PilotId;
use openapi::pilots::Pilot;

/// One pilot, with its status as of today.
#[utoipa::path(
    tag = "pilots",
    operation_id = "get_pilot",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The pilot's id")),
    responses((status = 200, description = "The pilot", body = Pilot, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))), Unauthorized, NotFound)
)]
#[get("/pilots/{id}")]
pub async fn get_pilot(session: Session, id: web::Path<PilotId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| pilots::get(conn, caller, id))
        .await
        .map(tagged)
}
