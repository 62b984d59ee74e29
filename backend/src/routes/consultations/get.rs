use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged;
use crate::services::consultations;
use actix_web::{HttpResponse, get, web};
use openapi::ConsultationId;
use openapi::consultations::Consultation;

/// One consultation, with the recipient's ratings: for both sides and the committee.
#[utoipa::path(
    tag = "consultations",
    operation_id = "get_consultation",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The consultation's id")),
    responses((status = 200, description = "The consultation", body = Consultation, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))), Unauthorized, NotFound)
)]
#[get("/consultations/{id}")]
pub async fn get_consultation(session: Session, id: web::Path<ConsultationId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| consultations::get(conn, caller, id))
        .await
        .map(tagged)
}
