//! Deliveries of resources to consumer schools (`/api/deliveries`,
//! `/api/resources/{id}/deliveries`) and the satisfaction feedback on them.

use super::ApiError;
use super::client::Call;
use openapi::feedback::{
    Feedback, FeedbackInput, FeedbackInvitation, FeedbackLink, FeedbackLinkInput, IssuedFeedbackLink, Metrics,
    MonthlyMetrics,
};
use openapi::lifecycle::{Delivery, DeliveryFilter, DeliveryInput};
use openapi::{Page, ResourceId};

/// `GET /api/deliveries`: the deliveries the user may see that match the filter.
pub async fn list_deliveries(filter: &DeliveryFilter) -> Result<Page<Delivery>, ApiError> {
    Call::get("/api/deliveries")
        .query("resource_id", filter.resource_id)
        .query("recipient_org_id", filter.recipient_org_id)
        .query("org_id", filter.org_id)
        .query("per_page", Some(100))
        .send()
        .await
}

/// `POST /api/resources/{id}/deliveries`: records a delivery of a product version.
pub async fn create_delivery(resource: ResourceId, input: &DeliveryInput) -> Result<Delivery, ApiError> {
    Call::post(format!("/api/resources/{resource}/deliveries"))
        .json(input)
        .send()
        .await
}

/// `POST /api/deliveries/{id}/confirmation`: the recipient school confirms the receipt.
pub async fn confirm_delivery(delivery: i64) -> Result<Delivery, ApiError> {
    Call::post(format!("/api/deliveries/{delivery}/confirmation"))
        .send()
        .await
}

/// `POST /api/deliveries/{id}/feedback`: the recipient's own rating of a delivery.
pub async fn rate_delivery(delivery: i64, input: &FeedbackInput) -> Result<Feedback, ApiError> {
    Call::post(format!("/api/deliveries/{delivery}/feedback"))
        .json(input)
        .send()
        .await
}

/// `POST /api/deliveries/{id}/feedback-links`: a single-use link for a respondent.
pub async fn create_feedback_link(delivery: i64, input: &FeedbackLinkInput) -> Result<FeedbackLink, ApiError> {
    Call::post(format!("/api/deliveries/{delivery}/feedback-links"))
        .json(input)
        .send()
        .await
}

/// `GET /api/deliveries/{id}/feedback-links`: the links issued for a delivery, with
/// their respondents' e-mails.
pub async fn list_feedback_links(delivery: i64) -> Result<Page<IssuedFeedbackLink>, ApiError> {
    Call::get(format!("/api/deliveries/{delivery}/feedback-links"))
        .query("per_page", Some(100))
        .send()
        .await
}

/// `GET /api/resources/{id}/feedback`: the answers about a resource.
pub async fn list_feedback(resource: ResourceId) -> Result<Page<Feedback>, ApiError> {
    Call::get(format!("/api/resources/{resource}/feedback"))
        .query("per_page", Some(100))
        .send()
        .await
}

/// `GET /api/resources/{id}/metrics`: satisfaction and demand figures of a resource.
pub async fn resource_metrics(resource: ResourceId) -> Result<Metrics, ApiError> {
    Call::get(format!("/api/resources/{resource}/metrics")).send().await
}

/// `GET /api/resources/{id}/metrics/monthly`: the satisfaction figures of a resource by
/// month, oldest first.
pub async fn resource_monthly_metrics(resource: ResourceId) -> Result<Vec<MonthlyMetrics>, ApiError> {
    Call::get(format!("/api/resources/{resource}/metrics/monthly"))
        .send()
        .await
}

/// `GET /api/public/feedback/{token}`: what a feedback link asks about (no sign-in).
pub async fn get_invitation(token: &str) -> Result<FeedbackInvitation, ApiError> {
    Call::get(format!("/api/public/feedback/{}", encode(token)))
        .send_public()
        .await
}

/// `POST /api/public/feedback/{token}`: answers through a feedback link (no sign-in).
pub async fn answer_invitation(token: &str, input: &FeedbackInput) -> Result<Feedback, ApiError> {
    Call::post(format!("/api/public/feedback/{}", encode(token)))
        .json(input)
        .send_public()
        .await
}

fn encode(token: &str) -> String {
    String::from(js_sys::encode_uri_component(token))
}
