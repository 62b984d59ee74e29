use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged;
use crate::services::cohorts;
use actix_web::{HttpResponse, get, web};
use openapi::CohortId;
use openapi::cohorts::Cohort;

/// One cohort with its sessions, places taken and waiting list length, its status as of
/// today.
#[utoipa::path(
    tag = "cohorts",
    operation_id = "get_cohort",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The cohort's id")),
    responses((status = 200, description = "The cohort", body = Cohort, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))), Unauthorized, NotFound)
)]
#[get("/cohorts/{id}")]
pub async fn get_cohort(session: Session, id: web::Path<CohortId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| cohorts::get(conn, caller, id))
        .await
        .map(tagged)
}
