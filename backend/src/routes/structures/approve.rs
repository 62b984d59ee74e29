use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::structures;
use actix_web::{post, web};
use openapi::structures::Structure;
use openapi::{Problem, StructureId};

/// The director approves the current composition; the approval joins the history.
#[utoipa::path(
    tag = "structures",
    operation_id = "approve_structure",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The structure's id")),
    responses(
        (status = 200, description = "The approved structure", body = Structure),
        Unauthorized,
        (status = 403, description = "Not the school's administration (the director)", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "This composition is approved already (`already_approved`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/structures/{id}/approval")]
pub async fn approve_structure(session: Session, id: web::Path<StructureId>) -> Result<web::Json<Structure>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| structures::approve(conn, caller, id))
        .await
        .map(web::Json)
}
