use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, NotFound, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::orders;
use actix_web::{HttpResponse, post, web};
use openapi::orders::{Order, OrderInput};
use openapi::{Problem, ProjectId};

/// Drafts an order of a project (the school's administration or council): the standard
/// title and points from the project's directions unless given, the participants from
/// its approved structures.
#[utoipa::path(
    tag = "orders",
    operation_id = "create_order",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = OrderInput,
    responses(
        (status = 201, description = "The draft", body = Order, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 422, description = "Invalid fields, a number in use, or a wrong superseded order", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/projects/{id}/orders")]
pub async fn create_order(
    session: Session,
    id: web::Path<ProjectId>,
    body: Json<OrderInput>,
) -> Result<HttpResponse, ApiError> {
    let project = id.into_inner();
    let created = session
        .run(move |conn, caller| orders::create(conn, caller, project, &body.0))
        .await?;
    Ok(tagged_created(created))
}
