use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, PreconditionFailed, PreconditionRequired, Unauthorized};
use crate::http::versions::{IfMatch, tagged};
use crate::services::structures;
use actix_web::{HttpResponse, post, web};
use openapi::structures::Structure;
use openapi::{Problem, StructureId};

/// The director approves the current composition; the approval joins the history.
#[utoipa::path(
    tag = "structures",
    operation_id = "approve_structure",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The structure's id"), IfMatch),
    responses(
        (status = 200, description = "The approved structure", body = Structure, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        (status = 403, description = "Not the school's administration (the director)", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "This composition is approved already (`already_approved`)", body = Problem, content_type = "application/problem+json"),
        PreconditionFailed,
        PreconditionRequired
    )
)]
#[post("/structures/{id}/approval")]
pub async fn approve_structure(
    session: Session,
    id: web::Path<StructureId>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match.expected();
    session
        .run(move |conn, caller| structures::approve(conn, caller, id, expected))
        .await
        .map(tagged)
}
