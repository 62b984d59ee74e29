//! `/api/resources/{id}/pilots` and `/api/pilots/{id}`: the pilots (апробация) of a
//! resource's versions.

use super::ApiError;
use super::client::Call;
use openapi::pilots::{ConclusionInput, Pilot, PilotInput};
use openapi::{Page, PilotId, ResourceId};

/// `GET /api/resources/{id}/pilots`: the resource's pilots, the latest start first.
pub async fn list_pilots(resource: ResourceId) -> Result<Page<Pilot>, ApiError> {
    Call::get(format!("/api/resources/{resource}/pilots"))
        .query("per_page", Some(100))
        .send()
        .await
}

/// `POST /api/resources/{id}/pilots`: records a pilot of one of the resource's versions.
pub async fn create_pilot(resource: ResourceId, pilot: &PilotInput) -> Result<Pilot, ApiError> {
    Call::post(format!("/api/resources/{resource}/pilots"))
        .json(pilot)
        .send()
        .await
}

/// `PUT /api/pilots/{id}`: replaces a pilot not concluded yet, on the `version` as read.
pub async fn update_pilot(id: PilotId, version: i32, pilot: &PilotInput) -> Result<Pilot, ApiError> {
    Call::put(format!("/api/pilots/{id}"))
        .if_match(version)
        .json(pilot)
        .send()
        .await
}

/// `POST /api/pilots/{id}/conclude`: ends a pilot with its conclusion, on the `version`
/// as read.
pub async fn conclude_pilot(id: PilotId, version: i32, conclusion: &ConclusionInput) -> Result<Pilot, ApiError> {
    Call::post(format!("/api/pilots/{id}/conclude"))
        .if_match(version)
        .json(conclusion)
        .send()
        .await
}
