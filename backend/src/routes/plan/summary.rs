use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::plan;
use actix_web::{get, web};
use openapi::ProjectId;
use openapi::plan::PlanSummary;

/// Filter of the summary.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SummaryQuery {
    /// One school year, by the year it starts; every year of the project when omitted.
    pub school_year: Option<i32>,
}

/// The completion and on-time percentages of a project's plan and its overdue items, as
/// of today (UTC), by the formulas on `PlanSummary`.
#[utoipa::path(
    tag = "plan",
    operation_id = "get_plan_summary",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id"), SummaryQuery),
    responses(
        (status = 200, description = "The figures and the overdue items", body = PlanSummary),
        Unauthorized,
        NotFound
    )
)]
#[get("/projects/{id}/plan-summary")]
pub async fn get_plan_summary(
    session: Session,
    id: web::Path<ProjectId>,
    query: web::Query<SummaryQuery>,
) -> Result<web::Json<PlanSummary>, ApiError> {
    let project = id.into_inner();
    let school_year = query.into_inner().school_year;
    session
        .run(move |conn, caller| plan::summary(conn, caller, project, school_year))
        .await
        .map(web::Json)
}
