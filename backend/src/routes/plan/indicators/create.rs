use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Invalid, ItemLimit, NotFound, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::plan;
use actix_web::{HttpResponse, post, web};
use openapi::plan::{Indicator, IndicatorInput};
use openapi::{Problem, ProjectId};

/// Adds an indicator (the school's administration, council or staff).
#[utoipa::path(
    tag = "plan",
    operation_id = "create_indicator",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = IndicatorInput,
    responses(
        (status = 201, description = "The new indicator", body = Indicator, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        NotFound,
        ItemLimit,
        Invalid
    )
)]
#[post("/projects/{id}/indicators")]
pub async fn create_indicator(
    session: Session,
    id: web::Path<ProjectId>,
    body: Json<IndicatorInput>,
) -> Result<HttpResponse, ApiError> {
    let project = id.into_inner();
    let created = session
        .run(move |conn, caller| plan::create_indicator(conn, caller, project, &body.0))
        .await?;
    Ok(tagged_created(created))
}
