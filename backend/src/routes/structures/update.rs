use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, Unauthorized};
use crate::services::structures;
use actix_web::{put, web};
use openapi::StructureId;
use openapi::structures::{Structure, StructureInput};

/// Changes a structure's name, kind or members (administration or council). A change
/// after an approval makes it `changed`: it needs the director's approval again.
#[utoipa::path(
    tag = "structures",
    operation_id = "update_structure",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The structure's id")),
    request_body = StructureInput,
    responses(
        (status = 200, description = "The changed structure", body = Structure),
        Unauthorized,
        Forbidden,
        NotFound,
        Invalid
    )
)]
#[put("/structures/{id}")]
pub async fn update_structure(
    session: Session,
    id: web::Path<StructureId>,
    body: Json<StructureInput>,
) -> Result<web::Json<Structure>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| structures::update(conn, caller, id, &body.0))
        .await
        .map(web::Json)
}
