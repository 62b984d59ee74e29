use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::enrolments;
use actix_web::{get, web};
use openapi::EnrolmentId;
use openapi::cohorts::Enrolment;

/// One enrolment (the teacher, their school's administration, the host school's staff,
/// the committee).
#[utoipa::path(
    tag = "cohorts",
    operation_id = "get_enrolment",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The enrolment's id")),
    responses((status = 200, description = "The enrolment", body = Enrolment), Unauthorized, NotFound)
)]
#[get("/enrolments/{id}")]
pub async fn get_enrolment(session: Session, id: web::Path<EnrolmentId>) -> Result<web::Json<Enrolment>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| enrolments::get(conn, caller, id))
        .await
        .map(web::Json)
}
