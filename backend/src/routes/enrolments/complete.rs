use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{Forbidden, NotFound, Unauthorized};
use crate::services::enrolments;
use actix_web::{post, web};
use openapi::cohorts::Enrolment;
use openapi::{EnrolmentId, Problem};

/// Completes an enrolled teacher's training (the host school's administration, council or
/// teachers — never the teacher themselves) once the hours of the sessions they attended
/// reach the cohort's `required_hours`, and issues the certificate for those hours,
/// numbered `<school>-<year>-<NNNN>` in the host school's series of the year, with a
/// random verification code.
#[utoipa::path(
    tag = "cohorts",
    operation_id = "complete_enrolment",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The enrolment's id")),
    responses(
        (status = 200, description = "The completed enrolment with its certificate's number", body = Enrolment),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "On the waiting list (`enrolment_waiting`), withdrawn (`enrolment_withdrawn`), completed already (`enrolment_completed`), the cohort has not started (`cohort_not_started`), the caller is the teacher (`own_record`), or the hours attended are below the threshold (`attendance_below_threshold`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/enrolments/{id}/complete")]
pub async fn complete_enrolment(
    session: Session,
    id: web::Path<EnrolmentId>,
) -> Result<web::Json<Enrolment>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| enrolments::complete(conn, caller, id))
        .await
        .map(web::Json)
}
