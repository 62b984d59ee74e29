use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, NotFound, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::cohorts;
use actix_web::{HttpResponse, post, web};
use openapi::cohorts::{Cohort, CohortInput};
use openapi::{Problem, ResourceId};

/// Creates a cohort of a training programme (the school's administration, council or
/// teachers): dates, format, hours, places, place or online link, trainers, sessions.
#[utoipa::path(
    tag = "cohorts",
    operation_id = "create_cohort",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The programme's (resource's) id")),
    request_body = CohortInput,
    responses(
        (status = 201, description = "The cohort", body = Cohort, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 422, description = "Invalid fields, or a resource that is not a training programme (`resource_id`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/resources/{id}/cohorts")]
pub async fn create_cohort(
    session: Session,
    id: web::Path<ResourceId>,
    body: Json<CohortInput>,
) -> Result<HttpResponse, ApiError> {
    let resource = id.into_inner();
    let created = session
        .run(move |conn, caller| cohorts::create(conn, caller, resource, &body.0))
        .await?;
    Ok(tagged_created(created))
}
