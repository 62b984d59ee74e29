use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, Unauthorized};
use crate::services::enrolments;
use actix_web::{HttpResponse, post, web};
use openapi::cohorts::{Enrolment, EnrolmentInput};
use openapi::{CohortId, Problem};

/// Enrols a teacher in a cohort: the caller (anyone of a school), or `user_id`, an active
/// teacher of the caller's own school, whom only its administration enrols (`403` for
/// others). Nobody enrols a person of another school: any such id — of another school,
/// deactivated or unknown — is `404` with the same body. A full cohort puts them on its
/// waiting list (`status` `waiting`, `position`).
#[utoipa::path(
    tag = "cohorts",
    operation_id = "create_enrolment",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The cohort's id")),
    request_body = EnrolmentInput,
    responses(
        (status = 201, description = "The enrolment, enrolled or waiting", body = Enrolment),
        Unauthorized,
        Forbidden,
        (status = 404, description = "No such cohort, or `user_id` is not an active teacher of your school", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Enrolled already (`already_enrolled`), or the cohort has finished (`cohort_finished`)", body = Problem, content_type = "application/problem+json"),
        Invalid
    )
)]
#[post("/cohorts/{id}/enrolments")]
pub async fn create_enrolment(
    session: Session,
    id: web::Path<CohortId>,
    body: Json<EnrolmentInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let created = session
        .run(move |conn, caller| enrolments::enrol(conn, caller, id, &body.0))
        .await?;
    Ok(HttpResponse::Created().json(created))
}
