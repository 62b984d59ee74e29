//! The signed-in user's plan deadlines on the home page.

use crate::api;
use crate::components::error_alert::ErrorAlert;
use crate::components::loading::Loading;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

/// The user's open plan items due within 14 days or overdue: «Срок через 3 дня» or
/// «Просрочено на 7 дней», the action and a link to the project's plan; the loading state
/// and a failure are shown as such, not as an empty list.
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
                let days = reminder.days_left;
                view! {
                    <li data-testid="reminder" class:overdue=days < 0>
                        <strong data-testid="reminder-days">{move || i18n.t().launch.days_left(days)}</strong> " · "
                        {move || i18n.t().day(reminder.item.deadline)} " · " {reminder.item.action.clone()} " — "
                        <A href=format!("/projects/{}/plan", reminder.item.project_id)>{reminder.project_title.clone()}</A>
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
