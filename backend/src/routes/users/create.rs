//! `POST /api/organisations/{id}/users`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Invalid, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::users;
use actix_web::{HttpResponse, post, web};
use openapi::users::{CreateUser, User};
use openapi::{OrganisationId, Problem};

/// Creates an account in an organisation, for its administrator.
#[utoipa::path(
    tag = "users",
    operation_id = "create_user",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The organisation's id")),
    request_body = CreateUser,
    responses(
        (status = 201, description = "The new account", body = User, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Not this organisation's administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The e-mail is taken (`errors[].field = email`)", body = Problem, content_type = "application/problem+json"),
        Invalid
    )
)]
#[post("/organisations/{id}/users")]
pub async fn create_user(
    session: Session,
    id: web::Path<OrganisationId>,
    body: Json<CreateUser>,
) -> Result<HttpResponse, ApiError> {
    let org = id.into_inner();
    let created = session
        .run(move |conn, caller| users::create(conn, caller, org, &body.0))
        .await?;
    Ok(tagged_created(created))
}
