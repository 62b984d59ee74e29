use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{Forbidden, NotFound, Unauthorized};
use crate::services::enrolments;
use actix_web::{post, web};
use openapi::cohorts::Enrolment;
use openapi::{EnrolmentId, Problem};

/// Withdraws an enrolment (the teacher, their school's administration, the host school's
/// staff); the place it frees goes to the first on the waiting list.
#[utoipa::path(
    tag = "cohorts",
    operation_id = "withdraw_enrolment",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The enrolment's id")),
    responses(
        (status = 200, description = "The withdrawn enrolment", body = Enrolment),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "Completed already (`enrolment_completed`) or withdrawn already (`enrolment_withdrawn`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/enrolments/{id}/withdraw")]
pub async fn withdraw_enrolment(
    session: Session,
    id: web::Path<EnrolmentId>,
) -> Result<web::Json<Enrolment>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| enrolments::withdraw(conn, caller, id))
        .await
        .map(web::Json)
}
