use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::structures;
use actix_web::{HttpResponse, put, web};
use openapi::StructureId;
use openapi::structures::{Structure, StructureInput};

/// Changes a structure's name, kind or members (administration or council). A change
/// after an approval makes it `changed`: it needs the director's approval again.
#[utoipa::path(
    tag = "structures",
    operation_id = "update_structure",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The structure's id"), IfMatch),
    request_body = StructureInput,
    responses(
        (status = 200, description = "The changed structure", body = Structure, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        Invalid,
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[put("/structures/{id}")]
pub async fn update_structure(
    session: Session,
    id: web::Path<StructureId>,
    if_match: IfMatch,
    body: Json<StructureInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| structures::update(conn, caller, id, expected, &body.0))
        .await
        .map(tagged)
}
