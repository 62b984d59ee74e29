//! `/api/events…` and `/api/stands/{id}/rating`: the calendar, events, registrations,
//! attendance, feedback, fair stands and results.

use super::ApiError;
use super::client::Call;
use openapi::events::{
    AttendanceInput, Event, EventFeedback, EventFeedbackInput, EventFilter, EventInput, EventItem, Registration,
};
use openapi::fairs::{FairResults, RatingInput, Stand, StandInput};
use openapi::{EventId, Page, StandId};

/// `GET /api/events`: one page (up to 100) of the calendar with these filters.
pub async fn list_events(filter: EventFilter) -> Result<Page<EventItem>, ApiError> {
    Call::get("/api/events")
        .query("per_page", Some(100))
        .query("from", filter.from)
        .query("to", filter.to)
        .query("kind", filter.kind.map(|kind| kind.as_str()))
        .query("level", filter.level.map(|level| level.as_str()))
        .query("org_id", filter.org_id)
        .query("q", filter.q)
        .send()
        .await
}

/// `GET /api/events/{id}`: one event.
pub async fn get_event(id: EventId) -> Result<Event, ApiError> {
    one_event(id).send().await
}

/// Starts `GET /api/events/{id}` ahead of the event's page, while its code downloads (see
/// [`Call::prefetch`]).
pub fn prefetch_event(id: EventId) {
    one_event(id).prefetch();
}

/// `GET /api/events/{id}`.
fn one_event(id: EventId) -> Call {
    Call::get(format!("/api/events/{id}"))
}

/// `POST /api/events`: a draft event of the signed-in user's organisation.
pub async fn create_event(event: &EventInput) -> Result<Event, ApiError> {
    Call::post("/api/events").json(event).send().await
}

/// `PUT /api/events/{id}`: rewrites an event on the `version` as read.
pub async fn update_event(id: EventId, version: i32, event: &EventInput) -> Result<Event, ApiError> {
    Call::put(format!("/api/events/{id}"))
        .if_match(version)
        .json(event)
        .send()
        .await
}

/// `POST /api/events/{id}/publish`: publishes a draft on the `version` as read.
pub async fn publish_event(id: EventId, version: i32) -> Result<Event, ApiError> {
    Call::post(format!("/api/events/{id}/publish"))
        .if_match(version)
        .send()
        .await
}

/// `POST /api/events/{id}/cancel`: cancels an event on the `version` as read.
pub async fn cancel_event(id: EventId, version: i32) -> Result<Event, ApiError> {
    Call::post(format!("/api/events/{id}/cancel"))
        .if_match(version)
        .send()
        .await
}

/// `GET /api/events/{id}/registrations`: the registrations (up to 100), for the organisers.
pub async fn list_registrations(id: EventId) -> Result<Page<Registration>, ApiError> {
    Call::get(format!("/api/events/{id}/registrations"))
        .query("per_page", Some(100))
        .send()
        .await
}

/// `POST /api/events/{id}/registrations`: registers the signed-in user.
pub async fn register(id: EventId) -> Result<Registration, ApiError> {
    Call::post(format!("/api/events/{id}/registrations")).send().await
}

/// `DELETE /api/events/{id}/registrations/me`: cancels the signed-in user's registration.
pub async fn unregister(id: EventId) -> Result<(), ApiError> {
    Call::delete(format!("/api/events/{id}/registrations/me")).send().await
}

/// `PUT /api/events/{id}/attendance`: who attended.
pub async fn mark_attendance(id: EventId, attendance: &AttendanceInput) -> Result<Event, ApiError> {
    Call::put(format!("/api/events/{id}/attendance"))
        .json(attendance)
        .send()
        .await
}

/// `POST /api/events/{id}/feedback-request`: asks the attendees for feedback.
pub async fn request_feedback(id: EventId) -> Result<Event, ApiError> {
    Call::post(format!("/api/events/{id}/feedback-request")).send().await
}

/// `POST /api/events/{id}/feedback`: the signed-in attendee's answer.
pub async fn answer(id: EventId, answer: &EventFeedbackInput) -> Result<EventFeedback, ApiError> {
    Call::post(format!("/api/events/{id}/feedback"))
        .json(answer)
        .send()
        .await
}

/// `GET /api/events/{id}/stands`: one page of a fair's stands.
pub async fn list_stands(id: EventId, page: u32) -> Result<Page<Stand>, ApiError> {
    Call::get(format!("/api/events/{id}/stands"))
        .query("page", Some(page))
        .send()
        .await
}

/// `POST /api/events/{id}/stands`: a stand of the signed-in user's school.
pub async fn create_stand(id: EventId, stand: &StandInput) -> Result<Stand, ApiError> {
    Call::post(format!("/api/events/{id}/stands")).json(stand).send().await
}

/// `PUT /api/stands/{id}/rating`: the signed-in visitor's rating.
pub async fn rate_stand(id: StandId, rating: &RatingInput) -> Result<Stand, ApiError> {
    Call::put(format!("/api/stands/{id}/rating")).json(rating).send().await
}

/// `GET /api/events/{id}/results`: one page of the fair's ranking, with its formula.
pub async fn results(id: EventId, page: u32) -> Result<FairResults, ApiError> {
    Call::get(format!("/api/events/{id}/results"))
        .query("page", Some(page))
        .send()
        .await
}
