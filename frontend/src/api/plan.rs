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
/// Made on the record's `version` as read (`If-Match`); a stale one is refused with `412`.
pub async fn update_item(id: i64, version: i32, input: &PlanItemInput) -> Result<PlanItem, ApiError> {
    Call::put(format!("/api/plan-items/{id}"))
        .if_match(version)
        .json(input)
        .send()
        .await
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
/// Made on the record's `version` as read (`If-Match`); a stale one is refused with `412`.
pub async fn update_indicator(id: i64, version: i32, input: &IndicatorInput) -> Result<Indicator, ApiError> {
    Call::put(format!("/api/indicators/{id}"))
        .if_match(version)
        .json(input)
        .send()
        .await
}

/// One indicator of a project as it is now (there is no single-indicator read).
pub async fn find_indicator(project: ProjectId, id: i64) -> Result<Indicator, ApiError> {
    list_indicators(project)
        .await?
        .into_iter()
        .find(|indicator| indicator.id == id)
        .ok_or_else(ApiError::not_found)
}

/// One item of a project's plan as it is now, looked for page by page (there is no
/// single-item read).
pub async fn find_item(project: ProjectId, id: i64) -> Result<PlanItem, ApiError> {
    let mut page = 1;
    loop {
        let query = PageQuery {
            page: Some(page),
            per_page: Some(100),
        };
        let found = list_items(project, &PlanFilter::default(), query).await?;
        if let Some(item) = found.items.into_iter().find(|item| item.id == id) {
            return Ok(item);
        }
        if i64::from(page) * 100 >= found.total {
            return Err(ApiError::not_found());
        }
        page += 1;
    }
}
