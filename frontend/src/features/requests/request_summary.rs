//! A consumer request as both its sender and its receiver see it.

use crate::i18n::{Pick, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::requests::{ConsumerRequest, RequestStatus};

/// The name of a request status.
pub fn status_text(status: RequestStatus) -> Pick {
    match status {
        RequestStatus::Submitted => |t| t.requests.status_submitted,
        RequestStatus::Accepted => |t| t.requests.status_accepted,
        RequestStatus::Declined => |t| t.requests.status_declined,
        RequestStatus::Answered => |t| t.requests.status_answered,
    }
}

/// A request's status badge, need, sender, audience, the school asked, the resource and the
/// history.
pub fn request_summary(request: &ConsumerRequest) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let status = status_text(request.status);
    let events = request
        .events
        .iter()
        .map(|event| {
            let pick = status_text(event.status);
            let who = event.org_short_name.clone().unwrap_or_default();
            let note = event.note.clone().map(|note| format!(" — {note}")).unwrap_or_default();
            let at = event.at;
            view! { <li>{move || i18n.t().date_time(&at)} " " {who} " · " {move || pick(i18n.t())} {note}</li> }
        })
        .collect_view();
    let target = request.target_org_short_name.clone();
    let resource = request.resource_id.map(|id| {
        let title = request.resource_title.clone().unwrap_or_else(|| id.to_string());
        view! {
            " · " {move || i18n.t().requests.about} ": "
            <A href=format!("/resources/{id}") {..} data-testid="request-resource">{title}</A>
        }
    });
    view! {
        <p>
            <span class="badge badge-status" data-status=request.status.as_str() data-testid="request-status">
                {move || status(i18n.t())}
            </span>
            " " <strong>{request.need.clone()}</strong>
        </p>
        <p class="meta">
            {move || i18n.t().requests.from} ": " {request.requester_org_short_name.clone()} " · "
            {move || i18n.t().requests.audience} ": " {request.audience.clone()}
        </p>
        <p class="meta">
            {move || i18n.t().requests.to} ": "
            <span data-testid="request-target">
                {move || target.clone().unwrap_or_else(|| i18n.t().requests.open.to_owned())}
            </span>
            {resource}
        </p>
        <details class="request-history">
            <summary>{move || i18n.t().requests.history}</summary>
            <ul data-testid="request-history">{events}</ul>
        </details>
    }
}
