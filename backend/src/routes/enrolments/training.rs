use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{Forbidden, NotFound, Unauthorized};
use crate::services::enrolments;
use actix_web::{get, web};
use openapi::cohorts::{TeacherTraining, TrainingHistory};
use openapi::{OrganisationId, Page, PageQuery};

/// The signed-in user's training: their enrolments, the latest first, with the total
/// hours of the completed programmes.
#[utoipa::path(
    tag = "cohorts",
    operation_id = "get_my_training",
    security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, description = "The training history", body = TrainingHistory), Unauthorized)
)]
#[get("/me/training")]
pub async fn get_my_training(
    session: Session,
    page: web::Query<PageQuery>,
) -> Result<web::Json<TrainingHistory>, ApiError> {
    let page = page.into_inner();
    session
        .run(move |conn, caller| enrolments::mine(conn, caller, &page))
        .await
        .map(web::Json)
}

/// A school's teachers with the hours of their completed programmes, the most first (the
/// school's administration and council, the committee).
#[utoipa::path(
    tag = "cohorts",
    operation_id = "list_school_training",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The school's id"), PageQuery),
    responses((status = 200, description = "One page of teachers", body = Page<TeacherTraining>), Unauthorized, Forbidden, NotFound)
)]
#[get("/organisations/{id}/training")]
pub async fn list_school_training(
    session: Session,
    id: web::Path<OrganisationId>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<TeacherTraining>>, ApiError> {
    let (org, page) = (id.into_inner(), page.into_inner());
    session
        .run(move |conn, caller| enrolments::of_school(conn, caller, org, &page))
        .await
        .map(web::Json)
}
