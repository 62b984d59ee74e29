use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::risks;
use actix_web::{get, web};
use openapi::risks::RiskChange;
use openapi::{Page, PageQuery, RiskId};

/// The history of a risk, oldest first: every change of its status, likelihood, impact
/// or review date, who made it, when, from what to what, and why.
#[utoipa::path(
    tag = "risks",
    operation_id = "list_risk_changes",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The risk's id"), PageQuery),
    responses((status = 200, description = "One page of changes", body = Page<RiskChange>), Unauthorized, NotFound)
)]
#[get("/risks/{id}/history")]
pub async fn list_risk_changes(
    session: Session,
    id: web::Path<RiskId>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<RiskChange>>, ApiError> {
    let (risk, page) = (id.into_inner(), page.into_inner());
    session
        .run(move |conn, caller| risks::history(conn, caller, risk, &page))
        .await
        .map(web::Json)
}
