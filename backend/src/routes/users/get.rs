//! `GET /api/users/{id}`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::http::versions::tagged;
use crate::services::users;
use actix_web::{HttpResponse, get, web};
use openapi::UserId;
use openapi::users::User;

/// One account: the user's own, or one of an organisation the actor administers.
#[utoipa::path(
    tag = "users",
    operation_id = "get_user",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The user's id")),
    responses((status = 200, description = "The account", body = User, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))), Unauthorized, NotFound)
)]
#[get("/users/{id}")]
pub async fn get_user(session: Session, id: web::Path<UserId>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| users::get(conn, caller, id))
        .await
        .map(tagged)
}
