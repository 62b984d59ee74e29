//! «Назначить»: the day, the form, the place and the consultants.

use crate::api;
use crate::features::consultations::form_parts::{day, field_of};
use crate::ui::date_field::today_value;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::form_actions::FormActions;
use crate::ui::select_field::SelectField;
use crate::ui::text_field::{TextField, trimmed};
use leptos::prelude::*;
use openapi::consultations::{Consultation, ConsultationForm, ScheduleInput};

/// «Назначить»: the day, the form, the place and the consultants.
#[component]
pub fn ScheduleForm(
    /// The consultation.
    consultation: Consultation,
    /// Called with the consultation once scheduled.
    on_done: Callback<Consultation>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let (id, version) = (consultation.id, consultation.version);
    let on = RwSignal::new(consultation.scheduled_on.map_or_else(today_value, |d| d.to_string()));
    let form = RwSignal::new(consultation.form.unwrap_or(ConsultationForm::InPerson));
    let place = RwSignal::new(consultation.place.clone());
    let consultants = RwSignal::new(consultation.consultants.clone());
    let save = Action::new_local(move |input: &ScheduleInput| {
        let input = input.clone();
        async move {
            let saved = api::consultations::schedule(id, version, &input).await;
            if let Ok(saved) = &saved {
                let saved = saved.clone();
                queue_microtask(move || on_done.run(saved));
            }
            saved
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        save.dispatch(ScheduleInput {
            scheduled_on: day(on),
            form: form.get_untracked(),
            place: trimmed(place),
            consultants: trimmed(consultants),
        });
    };
    view! {
        <form class="form inline-form" data-testid="consultation-schedule-form" on:submit=submit>
            <TextField id="consultation-scheduled-on" label=|t| t.consultations.scheduled_on value=on error=field_of(save, "scheduled_on") autocomplete="off" input_type="date"/>
            <SelectField id="consultation-form" label=|t| t.consultations.form value=form/>
            <TextField id="consultation-place" label=|t| t.consultations.place value=place error=field_of(save, "place") autocomplete="off"/>
            <TextField id="consultation-schedule-consultants" label=|t| t.consultations.consultants value=consultants error=field_of(save, "consultants") autocomplete="off"/>
            <ErrorAlert error=failure(save)/>
            <FormActions submit=|t| t.consultations.schedule pending=save.pending() submit_testid="consultation-schedule-submit" on_cancel=on_cancel/>
        </form>
    }
}
