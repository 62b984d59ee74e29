//! `/api/projects/{id}/plan-items`, `/api/plan-items/{id}` and the indicators: the work
//! plan of a project and its results tracking system.

use super::ApiError;
use super::client::Call;
use openapi::plan::{Indicator, IndicatorInput, PlanFilter, PlanItem, PlanItemInput, PlanSummary};
use openapi::{Page, PageQuery, ProjectId};

/// `GET /api/projects/{id}/plan-items`: one page of the plan, by deadline.
pub async fn list_items(project: ProjectId, filter: &PlanFilter, page: PageQuery) -> Result<Page<PlanItem>, ApiError> {
    Call::get(format!("/api/projects/{project}/plan-items"))
        .query("school_year", filter.school_year)
        .query("status", filter.status.map(|status| status.as_str()))
        .query("page", page.page)
        .query("per_page", page.per_page)
        .send()
        .await
}

/// `POST /api/projects/{id}/plan-items`: plans an item.
pub async fn create_item(project: ProjectId, input: &PlanItemInput) -> Result<PlanItem, ApiError> {
    Call::post(format!("/api/projects/{project}/plan-items"))
        .json(input)
        .send()
        .await
}

/// `PUT /api/plan-items/{id}`: rewrites an item.
pub async fn update_item(id: i64, input: &PlanItemInput) -> Result<PlanItem, ApiError> {
    Call::put(format!("/api/plan-items/{id}")).json(input).send().await
}

/// `DELETE /api/plan-items/{id}`: removes an item.
pub async fn delete_item(id: i64) -> Result<(), ApiError> {
    Call::delete(format!("/api/plan-items/{id}")).send().await
}

/// `GET /api/projects/{id}/plan-summary`: the percentages and overdue items of a year.
pub async fn summary(project: ProjectId, school_year: Option<i32>) -> Result<PlanSummary, ApiError> {
    Call::get(format!("/api/projects/{project}/plan-summary"))
        .query("school_year", school_year)
        .send()
        .await
}

/// `GET /api/projects/{id}/indicators`: the indicators with their values.
pub async fn list_indicators(project: ProjectId) -> Result<Vec<Indicator>, ApiError> {
    Call::get(format!("/api/projects/{project}/indicators")).send().await
}

/// `POST /api/projects/{id}/indicators`: adds an indicator.
pub async fn create_indicator(project: ProjectId, input: &IndicatorInput) -> Result<Indicator, ApiError> {
    Call::post(format!("/api/projects/{project}/indicators"))
        .json(input)
        .send()
        .await
}

/// `PUT /api/indicators/{id}`: rewrites an indicator.
pub async fn update_indicator(id: i64, input: &IndicatorInput) -> Result<Indicator, ApiError> {
    Call::put(format!("/api/indicators/{id}")).json(input).send().await
}
