use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, ItemLimit, NotFound, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::risks;
use actix_web::{HttpResponse, post, web};
use openapi::risks::{Risk, RiskInput};
use openapi::{PilotId, Problem, ProjectId};

/// Records a risk of a project (the school's administration, council or teachers); the
/// score is computed.
#[utoipa::path(
    tag = "risks",
    operation_id = "create_project_risk",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = RiskInput,
    responses(
        (status = 201, description = "The risk", body = Risk, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        ItemLimit,
        (status = 422, description = "Invalid fields, or an owner who is not an active account of the school", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/projects/{id}/risks")]
pub async fn create_project_risk(
    session: Session,
    id: web::Path<ProjectId>,
    body: Json<RiskInput>,
) -> Result<HttpResponse, ApiError> {
    let project = id.into_inner();
    let created = session
        .run(move |conn, caller| risks::create_for_project(conn, caller, project, &body.0))
        .await?;
    Ok(tagged_created(created))
}

/// Records a risk of a pilot (the resource's school administration, council or
/// teachers); the score is computed.
#[utoipa::path(
    tag = "risks",
    operation_id = "create_pilot_risk",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The pilot's id")),
    request_body = RiskInput,
    responses(
        (status = 201, description = "The risk", body = Risk, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        ItemLimit,
        (status = 422, description = "Invalid fields, or an owner who is not an active account of the school", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/pilots/{id}/risks")]
pub async fn create_pilot_risk(
    session: Session,
    id: web::Path<PilotId>,
    body: Json<RiskInput>,
) -> Result<HttpResponse, ApiError> {
    let pilot = id.into_inner();
    let created = session
        .run(move |conn, caller| risks::create_for_pilot(conn, caller, pilot, &body.0))
        .await?;
    Ok(tagged_created(created))
}
