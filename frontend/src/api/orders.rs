//! `/api/projects/{id}/orders` and `/api/orders/{id}`: the orders on innovation activity.

use super::ApiError;
use super::client::Call;
use openapi::ProjectId;
use openapi::orders::{Order, OrderInput};

/// `GET /api/projects/{id}/orders`: the project's orders, the latest first.
pub async fn list_orders(project: ProjectId) -> Result<Vec<Order>, ApiError> {
    Call::get(format!("/api/projects/{project}/orders")).send().await
}

/// `POST /api/projects/{id}/orders`: drafts an order.
pub async fn create_order(project: ProjectId, input: &OrderInput) -> Result<Order, ApiError> {
    Call::post(format!("/api/projects/{project}/orders"))
        .json(input)
        .send()
        .await
}

/// `GET /api/orders/{id}`: one order.
pub async fn get_order(id: i64) -> Result<Order, ApiError> {
    Call::get(format!("/api/orders/{id}")).send().await
}

/// `PUT /api/orders/{id}`: rewrites a draft.
/// Made on the record's `version` as read (`If-Match`); a stale one is refused with `412`.
pub async fn update_order(id: i64, version: i32, input: &OrderInput) -> Result<Order, ApiError> {
    Call::put(format!("/api/orders/{id}"))
        .if_match(version)
        .json(input)
        .send()
        .await
}

/// `POST /api/orders/{id}/issue`: the director issues a draft.
/// Made on the record's `version` as read (`If-Match`); a stale one is refused with `412`.
pub async fn issue_order(id: i64, version: i32) -> Result<Order, ApiError> {
    Call::post(format!("/api/orders/{id}/issue"))
        .if_match(version)
        .send()
        .await
}

/// `GET /api/orders/{id}/docx`: the order as a DOCX file.
pub async fn download_docx(id: i64) -> Result<Vec<u8>, ApiError> {
    Call::get(format!("/api/orders/{id}/docx")).download().await
}
