//! «Отметить проведённой»: how it was held, the outcome and the follow-ups.

use crate::api;
use crate::features::consultations::form_parts::HeldFields;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::form_actions::FormActions;
use leptos::prelude::*;
use openapi::consultations::{Consultation, HeldInput};

/// «Отметить проведённой»: how it was held, the outcome and the follow-ups.
#[component]
pub fn HoldForm(
    /// The consultation.
    consultation: Consultation,
    /// Called with the consultation once recorded as held.
    on_done: Callback<Consultation>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let (id, version) = (consultation.id, consultation.version);
    let fields = HeldFields::new();
    if let Some(form) = consultation.form {
        fields.form.set(form);
    }
    fields.place.set(consultation.place.clone());
    fields.consultants.set(consultation.consultants.clone());
    let save = Action::new_local(move |input: &HeldInput| {
        let input = input.clone();
        async move {
            let saved = api::consultations::hold(id, version, &input).await;
            if let Ok(saved) = &saved {
                let saved = saved.clone();
                queue_microtask(move || on_done.run(saved));
            }
            saved
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        save.dispatch(fields.input());
    };
    view! {
        <form class="form inline-form" data-testid="consultation-hold-form" on:submit=submit>
            {fields.view(save, "")}
            <ErrorAlert error=failure(save)/>
            <FormActions submit=|t| t.consultations.save pending=save.pending() submit_testid="consultation-hold-submit" on_cancel=on_cancel/>
        </form>
    }
}
