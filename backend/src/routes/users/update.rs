//! `PATCH /api/users/{id}`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::users;
use actix_web::{HttpResponse, patch, web};
use openapi::users::{UpdateUser, User};
use openapi::{Problem, UserId};

/// Changes an account's name, roles or active flag. Deactivation signs the user out
/// everywhere; administrators cannot deactivate or demote themselves.
#[utoipa::path(
    tag = "users",
    operation_id = "update_user",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The user's id"), IfMatch),
    request_body = UpdateUser,
    responses(
        (status = 200, description = "The updated account", body = User, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Not this organisation's administrator", body = Problem, content_type = "application/problem+json"),
        NotFound,
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[patch("/users/{id}")]
pub async fn update_user(
    session: Session,
    id: web::Path<UserId>,
    if_match: IfMatch,
    body: Json<UpdateUser>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| users::update(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
