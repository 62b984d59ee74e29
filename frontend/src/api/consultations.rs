//! `/api/consultations`: methodological support of one school by another — requests,
//! schedules, declines, cancellations, sessions held and the recipient's ratings.

use super::ApiError;
use super::client::Call;
use openapi::consultations::{
    Consultation, ConsultationFilter, ConsultationReasonInput, ConsultationRequestInput, GivenConsultationInput,
    HeldInput, ScheduleInput,
};
use openapi::feedback::FeedbackInput;
use openapi::{ConsultationId, Page};

/// `GET /api/consultations`: the organisation's consultations, newest first.
pub async fn list_consultations(filter: &ConsultationFilter) -> Result<Page<Consultation>, ApiError> {
    Call::get("/api/consultations")
        .query("role", filter.role.map(|role| role.as_str()))
        .query("status", filter.status.map(|status| status.as_str()))
        .query("q", filter.q.as_ref())
        .query("per_page", Some(100))
        .send()
        .await
}

/// `POST /api/consultations`: asks a school for a consultation.
pub async fn request_consultation(input: &ConsultationRequestInput) -> Result<Consultation, ApiError> {
    Call::post("/api/consultations").json(input).send().await
}

/// `POST /api/consultations/given`: records a consultation given without a request.
pub async fn record_consultation(input: &GivenConsultationInput) -> Result<Consultation, ApiError> {
    Call::post("/api/consultations/given").json(input).send().await
}

/// `POST /api/consultations/{id}/schedule`, on the `version` as read.
pub async fn schedule(id: ConsultationId, version: i32, input: &ScheduleInput) -> Result<Consultation, ApiError> {
    step(id, "schedule", version, input).await
}

/// `POST /api/consultations/{id}/decline`, on the `version` as read.
pub async fn decline(
    id: ConsultationId,
    version: i32,
    input: &ConsultationReasonInput,
) -> Result<Consultation, ApiError> {
    step(id, "decline", version, input).await
}

/// `POST /api/consultations/{id}/cancel`, on the `version` as read.
pub async fn cancel(
    id: ConsultationId,
    version: i32,
    input: &ConsultationReasonInput,
) -> Result<Consultation, ApiError> {
    step(id, "cancel", version, input).await
}

/// `POST /api/consultations/{id}/hold`, on the `version` as read.
pub async fn hold(id: ConsultationId, version: i32, input: &HeldInput) -> Result<Consultation, ApiError> {
    step(id, "hold", version, input).await
}

/// `POST /api/consultations/{id}/feedback`: the signed-in user's rating.
pub async fn rate(id: ConsultationId, input: &FeedbackInput) -> Result<Consultation, ApiError> {
    Call::post(format!("/api/consultations/{id}/feedback"))
        .json(input)
        .send()
        .await
}

async fn step<B: serde::Serialize>(
    id: ConsultationId,
    step: &str,
    version: i32,
    input: &B,
) -> Result<Consultation, ApiError> {
    Call::post(format!("/api/consultations/{id}/{step}"))
        .if_match(version)
        .json(input)
        .send()
        .await
}
