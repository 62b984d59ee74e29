use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::structures;
use actix_web::{get, web};
use openapi::ProjectId;
use openapi::structures::Structure;

/// The structures of a project with their members and approval history.
#[utoipa::path(
    tag = "structures",
    operation_id = "list_structures",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project's structures, in the order they were formed", body = Vec<Structure>),
        Unauthorized,
        NotFound
    )
)]
#[get("/projects/{id}/structures")]
pub async fn list_structures(
    session: Session,
    id: web::Path<ProjectId>,
) -> Result<web::Json<Vec<Structure>>, ApiError> {
    let project = id.into_inner();
    session
        .run(move |conn, caller| structures::list(conn, caller, project))
        .await
        .map(web::Json)
}
