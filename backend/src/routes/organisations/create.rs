//! `POST /api/organisations`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::Unauthorized;
use crate::services::organisations;
use actix_web::{HttpResponse, post};
use openapi::Problem;
use openapi::organisations::{CreateOrganisation, Organisation};

/// Registers a school or committee. Platform administrators only.
#[utoipa::path(
    tag = "organisations",
    operation_id = "create_organisation",
    security(("bearer" = [])),
    request_body = CreateOrganisation,
    responses(
        (status = 201, description = "The new organisation", body = Organisation),
        Unauthorized,
        (status = 403, description = "Not a platform administrator", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The name is taken (`errors[].field = name`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid field", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/organisations")]
pub async fn create_organisation(session: Session, body: Json<CreateOrganisation>) -> Result<HttpResponse, ApiError> {
    let created = session
        .run(move |conn, caller| organisations::create(conn, caller, &body.0))
        .await?;
    Ok(HttpResponse::Created().json(created))
}
