//! `/api/requests`: consumer requests from partner schools and the committee, and the
//! host school's decisions on them.

use super::ApiError;
use super::client::Call;
use openapi::Page;
use openapi::requests::{ConsumerRequest, RequestDecision, RequestFilter, RequestInput};

/// `GET /api/requests`: the user's inbox or outbox, with each request's history.
pub async fn list_requests(filter: &RequestFilter) -> Result<Page<ConsumerRequest>, ApiError> {
    Call::get("/api/requests")
        .query("box", filter.mailbox.map(|mailbox| mailbox.as_str()))
        .query("status", filter.status.map(|status| status.as_str()))
        .query("q", filter.q.as_ref())
        .query("per_page", Some(100))
        .send()
        .await
}

/// `POST /api/requests`: files a request to a school, to a catalogue resource, or open.
pub async fn create_request(input: &RequestInput) -> Result<ConsumerRequest, ApiError> {
    Call::post("/api/requests").json(input).send().await
}

/// `POST /api/requests/{id}/decision`: accepts, answers or declines a request.
/// Made on the record's `version` as read (`If-Match`); a stale one is refused with `412`.
pub async fn decide(request: i64, version: i32, decision: &RequestDecision) -> Result<ConsumerRequest, ApiError> {
    Call::post(format!("/api/requests/{request}/decision"))
        .if_match(version)
        .json(decision)
        .send()
        .await
}
