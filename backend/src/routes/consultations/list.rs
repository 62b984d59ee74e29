use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{Forbidden, Invalid, Unauthorized};
use crate::services::consultations;
use actix_web::{get, web};
use openapi::consultations::{Consultation, ConsultationFilter};
use openapi::{Page, PageQuery};

/// Lists consultations, newest first: the caller's organisation's as host (`role=host`,
/// support given), recipient (`role=recipient`, support received) or either; the
/// committee names any organisation (`org_id`) or sees every consultation.
#[utoipa::path(
    tag = "consultations",
    operation_id = "list_consultations",
    security(("bearer" = [])),
    params(PageQuery, ConsultationFilter),
    responses(
        (status = 200, description = "One page of consultations", body = Page<Consultation>),
        Unauthorized,
        Forbidden,
        Invalid
    )
)]
#[get("/consultations")]
pub async fn list_consultations(
    session: Session,
    page: web::Query<PageQuery>,
    filter: web::Query<ConsultationFilter>,
) -> Result<web::Json<Page<Consultation>>, ApiError> {
    let (page, filter) = (page.into_inner(), filter.into_inner());
    session
        .run(move |conn, caller| consultations::list(conn, caller, &page, &filter))
        .await
        .map(web::Json)
}
