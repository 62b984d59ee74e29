//! `GET /api/organisations/{id}`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::organisations;
use actix_web::{get, web};
use openapi::organisations::Organisation;
use openapi::{OrganisationId, Problem};

/// One organisation.
#[utoipa::path(
    tag = "organisations",
    operation_id = "get_organisation",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The organisation's id")),
    responses(
        (status = 200, description = "The organisation", body = Organisation),
        Unauthorized,
        (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/organisations/{id}")]
pub async fn get_organisation(
    session: Session,
    id: web::Path<OrganisationId>,
) -> Result<web::Json<Organisation>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| organisations::get(conn, caller, id))
        .await
        .map(web::Json)
}
