//! `GET /api/organisations/{id}/users`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::users;
use actix_web::{get, web};
use openapi::users::{User, UserFilter};
use openapi::{OrganisationId, Page, PageQuery, Problem};

/// Lists an organisation's accounts by name, for its administrator.
#[utoipa::path(
    tag = "users",
    operation_id = "list_users",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The organisation's id"), PageQuery, UserFilter),
    responses(
        (status = 200, description = "One page of accounts", body = Page<User>),
        Unauthorized,
        (status = 403, description = "Not this organisation's administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/organisations/{id}/users")]
pub async fn list_users(
    session: Session,
    id: web::Path<OrganisationId>,
    page: web::Query<PageQuery>,
    filter: web::Query<UserFilter>,
) -> Result<web::Json<Page<User>>, ApiError> {
    let org = id.into_inner();
    session
        .run(move |conn, caller| users::list(conn, caller, org, &page, &filter))
        .await
        .map(web::Json)
}
