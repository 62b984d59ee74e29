//! The yearly confirmations of an innovation platform's status, with the director's form.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::i18n::{self, use_i18n};
use crate::ui::add_button::AddButton;
use crate::ui::date_field::{DateField, parse_date, today_value};
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::server_message;
use crate::ui::form_actions::FormActions;
use crate::ui::option_select::OptionSelect;
use crate::ui::text_field::{TextField, trimmed};
use leptos::prelude::*;
use openapi::projects::{ConfirmationInput, Project, ProjectLevel};

/// For a platform: its confirmations, the latest year first, and for the school's
/// administration a form that records one more (school year, date, basis).
#[component]
pub fn PlatformConfirmations(
    /// The project.
    project: Project,
    /// Called with the project as saved.
    on_saved: Callback<Project>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    if project.level != ProjectLevel::Platform {
        return None;
    }
    let may_add = auth
        .with_me_untracked(|me| access::is_director_of(me, project.org_id))
        .unwrap_or(false);
    let adding = RwSignal::new(false);
    let (first, last) = (project.start_year, project.end_year);
    let year = RwSignal::new(Some(i18n::current_school_year().clamp(first, last)));
    let date = RwSignal::new(today_value());
    let checked = RwSignal::new(false);
    let basis = RwSignal::new(String::new());
    let id = project.id;
    let years = Signal::derive(move || (first..=last).map(|y| (y, i18n::school_year(y))).collect::<Vec<_>>());
    let save = Action::new_local(move |input: &ConfirmationInput| {
        let input = input.clone();
        async move {
            let saved = api::projects::confirm_platform(id, &input).await;
            if let Ok(project) = &saved {
                adding.set(false);
                on_saved.run(project.clone());
            }
            saved
        }
    });
    let error = failure(save);
    let rows = if project.confirmations.is_empty() {
        view! { <p class="muted" data-testid="confirmations-empty">{move || i18n.t().launch.confirmations_none}</p> }
            .into_any()
    } else {
        let items = project
            .confirmations
            .into_iter()
            .map(|c| {
                view! {
                    <li data-testid="confirmation">
                        <strong>{i18n::school_year(c.school_year)}</strong> ": "
                        {move || i18n.t().day(c.confirmed_on)} " — " {c.basis}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="plain-list">{items}</ul> }.into_any()
    };

    Some(view! {
        <section class="section" data-testid="platform-confirmations">
            <div class="section-head">
                <h2>{move || i18n.t().launch.confirmations}</h2>
                <AddButton label=|t| t.launch.add_confirmation testid="add-confirmation" open=adding allowed=may_add/>
            </div>
            <Show when=move || adding.get()>
                <form
                    class="card form"
                    data-testid="confirmation-form"
                    novalidate
                    on:submit=move |event| {
                        event.prevent_default();
                        checked.set(true);
                        if let Some(confirmed_on) = parse_date(&date.get_untracked()) {
                            save.dispatch(ConfirmationInput {
                                school_year: year.get_untracked().unwrap_or(first),
                                confirmed_on,
                                basis: trimmed(basis),
                            });
                        }
                    }
                >
                    <div class="form-grid">
                        <OptionSelect
                            id="confirmation-year"
                            label=|t| t.launch.school_year
                            options=years
                            value=year
                            error=server_message(error, "school_year")
                        />
                        <DateField
                            id="confirmation-date"
                            label=|t| t.launch.confirmed_on
                            value=date
                            checked=checked
                            error=server_message(error, "confirmed_on")
                        />
                    </div>
                    <TextField
                        id="confirmation-basis"
                        label=|t| t.launch.basis
                        hint=|t| t.launch.basis_hint
                        autocomplete="off"
                        value=basis
                        error=server_message(error, "basis")
                    />
                    <ErrorAlert error=error/>
                    <FormActions
                        submit=|t| t.save
                        pending=save.pending()
                        submit_testid="confirmation-submit"
                        on_cancel=Callback::new(move |()| adding.set(false))
                    />
                </form>
            </Show>
            {rows}
        </section>
    })
}
