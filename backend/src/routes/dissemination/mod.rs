//! Dissemination figures for a school year: `GET /api/resources/{id}/dissemination`,
//! `GET /api/projects/{id}/dissemination`, `GET /api/organisations/{id}/dissemination`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::dissemination;
use actix_web::{get, web};
use openapi::dissemination::{Dissemination, DisseminationQuery};
use openapi::{OrganisationId, Problem, ProjectId, ResourceId};

/// The dissemination figures about one resource for a school year (see `Dissemination`
/// for the formulas); a published resource's are open to every signed-in user.
#[utoipa::path(
    tag = "feedback",
    operation_id = "get_resource_dissemination",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id"), DisseminationQuery),
    responses(
        (status = 200, description = "The figures and the school year they count", body = Dissemination),
        (status = 422, description = "A school year out of 2000–2100", body = Problem, content_type = "application/problem+json"),
        Unauthorized,
        NotFound
    )
)]
#[get("/resources/{id}/dissemination")]
pub async fn get_resource_dissemination(
    session: Session,
    id: web::Path<ResourceId>,
    query: web::Query<DisseminationQuery>,
) -> Result<web::Json<Dissemination>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| dissemination::resource(conn, caller, id, &query))
        .await
        .map(web::Json)
}

/// The dissemination figures about a project's resources, with the project's own risks,
/// for a school year.
#[utoipa::path(
    tag = "feedback",
    operation_id = "get_project_dissemination",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id"), DisseminationQuery),
    responses(
        (status = 200, description = "The figures and the school year they count", body = Dissemination),
        (status = 422, description = "A school year out of 2000–2100", body = Problem, content_type = "application/problem+json"),
        Unauthorized,
        NotFound
    )
)]
#[get("/projects/{id}/dissemination")]
pub async fn get_project_dissemination(
    session: Session,
    id: web::Path<ProjectId>,
    query: web::Query<DisseminationQuery>,
) -> Result<web::Json<Dissemination>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| dissemination::project(conn, caller, id, &query))
        .await
        .map(web::Json)
}

/// A school's dissemination figures for a school year: for its staff and the committee.
#[utoipa::path(
    tag = "feedback",
    operation_id = "get_organisation_dissemination",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The school's id"), DisseminationQuery),
    responses(
        (status = 200, description = "The figures and the school year they count", body = Dissemination),
        (status = 422, description = "A school year out of 2000–2100", body = Problem, content_type = "application/problem+json"),
        Unauthorized,
        (status = 403, description = "Neither the school's staff nor the committee", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/organisations/{id}/dissemination")]
pub async fn get_organisation_dissemination(
    session: Session,
    id: web::Path<OrganisationId>,
    query: web::Query<DisseminationQuery>,
) -> Result<web::Json<Dissemination>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| dissemination::organisation(conn, caller, id, &query))
        .await
        .map(web::Json)
}
