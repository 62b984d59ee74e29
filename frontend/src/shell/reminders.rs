//! The signed-in user's plan deadlines, overdue risk reviews and events waiting for their
//! feedback on the home page.

use crate::api;
use crate::i18n::use_i18n;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::loading::Loading;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::plan::ReminderKind;

/// The user's open plan items due within 14 days or overdue, and the risks they own whose
/// review date has passed: «Срок через 3 дня» or «Просрочено на 7 дней», what it is, the
/// date, the action or risk and a link to the project (its plan, for a plan item); the
/// loading state and a failure are shown as such, not as an empty list.
#[component]
pub fn Reminders() -> impl IntoView {
    let i18n = use_i18n();
    let reminders = LocalResource::new(api::me::reminders);
    let list = move || {
        // Neither «no deadlines» while loading nor when the list could not be read.
        let list = match reminders.get() {
            None => return view! { <Loading/> }.into_any(),
            Some(Err(error)) => return view! { <ErrorAlert error=Some(error) testid="reminders-error"/> }.into_any(),
            Some(Ok(list)) => list,
        };
        if list.is_empty() {
            return view! { <p class="muted" data-testid="reminders-empty">{move || i18n.t().launch.reminders_none}</p> }.into_any();
        }
        let rows = list
            .into_iter()
            .map(|reminder| {
                let (days, kind, due_on) = (reminder.days_left, reminder.kind, reminder.due_on);
                let project = reminder.project_id.map(|id| id.0).unwrap_or_default();
                let event = reminder.event_id.map(|id| id.0).unwrap_or_default();
                let href = match kind {
                    ReminderKind::PlanItem => format!("/projects/{project}/plan"),
                    ReminderKind::RiskReview => format!("/projects/{project}"),
                    ReminderKind::EventFeedback => format!("/events/{event}"),
                };
                let link = reminder.project_title.clone().unwrap_or_else(|| reminder.title.clone());
                view! {
                    <li data-testid="reminder" data-kind=kind.as_str() class:overdue=days < 0>
                        <strong data-testid="reminder-days">{move || i18n.t().launch.days_left(days)}</strong> " · "
                        {move || i18n.t().launch.reminder_kind(kind)} " · "
                        {move || i18n.t().day(due_on)} " · " {reminder.title.clone()} " — "
                        <A href=href>{link}</A>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="role-list">{rows}</ul> }.into_any()
    };
    view! {
        <article class="card" data-testid="home-reminders">
            <h2>{move || i18n.t().launch.reminders_heading}</h2>
            {list}
        </article>
    }
}
