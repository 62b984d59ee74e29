use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, ItemLimit, NotFound, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::structures;
use actix_web::{HttpResponse, post, web};
use openapi::ProjectId;
use openapi::structures::{Structure, StructureInput};

/// Forms a structure of a project (the school's administration or council); it is a
/// draft until the director approves it.
#[utoipa::path(
    tag = "structures",
    operation_id = "create_structure",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = StructureInput,
    responses(
        (status = 201, description = "The new structure", body = Structure, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        ItemLimit,
        Invalid
    )
)]
#[post("/projects/{id}/structures")]
pub async fn create_structure(
    session: Session,
    id: web::Path<ProjectId>,
    body: Json<StructureInput>,
) -> Result<HttpResponse, ApiError> {
    let project = id.into_inner();
    let created = session
        .run(move |conn, caller| structures::create(conn, caller, project, &body.0))
        .await?;
    Ok(tagged_created(created))
}
