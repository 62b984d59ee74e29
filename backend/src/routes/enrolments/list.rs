use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::enrolments;
use actix_web::{get, web};
use openapi::cohorts::Enrolment;
use openapi::{CohortId, Page, PageQuery};

/// The enrolments of a cohort in the order they came, as the caller may see them: every
/// one for the host school's staff and the committee, their school's teachers' for a
/// school's administration, their own for a teacher.
#[utoipa::path(
    tag = "cohorts",
    operation_id = "list_enrolments",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The cohort's id"), PageQuery),
    responses((status = 200, description = "One page of enrolments", body = Page<Enrolment>), Unauthorized, NotFound)
)]
#[get("/cohorts/{id}/enrolments")]
pub async fn list_enrolments(
    session: Session,
    id: web::Path<CohortId>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<Enrolment>>, ApiError> {
    let (id, page) = (id.into_inner(), page.into_inner());
    session
        .run(move |conn, caller| enrolments::list(conn, caller, id, &page))
        .await
        .map(web::Json)
}
