use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, NotFound, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::pilots;
use actix_web::{HttpResponse, post, web};
use openapi::pilots::{Pilot, PilotInput};
use openapi::{Problem, ResourceId};

/// Records a pilot of a version of the resource (the school's administration, council or
/// teachers): its schools, period, participants and method.
#[utoipa::path(
    tag = "pilots",
    operation_id = "create_pilot",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id")),
    request_body = PilotInput,
    responses(
        (status = 201, description = "The pilot", body = Pilot, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 422, description = "Invalid fields, a version of another resource, or a site that is not a school or leaves out the resource's own school", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/resources/{id}/pilots")]
pub async fn create_pilot(
    session: Session,
    id: web::Path<ResourceId>,
    body: Json<PilotInput>,
) -> Result<HttpResponse, ApiError> {
    let resource = id.into_inner();
    let created = session
        .run(move |conn, caller| pilots::create(conn, caller, resource, &body.0))
        .await?;
    Ok(tagged_created(created))
}
