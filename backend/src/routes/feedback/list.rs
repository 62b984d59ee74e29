//! `GET /api/resources/{id}/feedback`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::feedback;
use actix_web::{get, web};
use openapi::feedback::Feedback;
use openapi::{Page, PageQuery, Problem, ResourceId};

/// The answers about a resource, newest first: for its school and the committee.
#[utoipa::path(
    tag = "feedback",
    operation_id = "list_feedback",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id"), PageQuery),
    responses(
        (status = 200, description = "One page of answers", body = Page<Feedback>),
        Unauthorized,
        (status = 404, description = "No such resource, or its answers are not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/resources/{id}/feedback")]
pub async fn list_feedback(
    session: Session,
    id: web::Path<ResourceId>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<Feedback>>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| feedback::list(conn, caller, id, &page))
        .await
        .map(web::Json)
}
