//! «Записать проведённую консультацию»: one the school gave without a request.

use crate::api;
use crate::features::consultations::form_parts::{HeldFields, field_of};
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::form_actions::FormActions;
use crate::ui::option_select::{OptionSelect, other_organisations};
use crate::ui::text_field::{TextField, trimmed};
use leptos::prelude::*;
use openapi::OrganisationId;
use openapi::consultations::{Consultation, GivenConsultationInput};

/// «Записать проведённую консультацию»: one the school gave without a request.
#[component]
pub fn GivenForm(
    /// The school, left out of the recipients offered.
    own_org: Option<OrganisationId>,
    /// Called with the consultation once recorded.
    on_done: Callback<Consultation>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let recipient = RwSignal::new(None::<OrganisationId>);
    let topic = RwSignal::new(String::new());
    let fields = HeldFields::new();
    let options = other_organisations(None, own_org);
    let record = Action::new_local(move |input: &GivenConsultationInput| {
        let input = input.clone();
        async move {
            let recorded = api::consultations::record_consultation(&input).await;
            if let Ok(recorded) = &recorded {
                let recorded = recorded.clone();
                queue_microtask(move || on_done.run(recorded));
            }
            recorded
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        record.dispatch(GivenConsultationInput {
            recipient_org_id: recipient.get_untracked().unwrap_or(OrganisationId(0)),
            resource_id: None,
            topic: trimmed(topic),
            held: fields.input(),
        });
    };
    view! {
        <form class="card form" data-testid="consultation-given-form" on:submit=submit>
            <OptionSelect
                id="consultation-recipient"
                label=|t| t.consultations.recipient_school
                none=|t| t.consultations.choose
                options=options
                value=recipient
                error=field_of(record, "recipient_org_id")
            />
            <TextField id="consultation-given-topic" label=|t| t.consultations.topic value=topic error=field_of(record, "topic") autocomplete="off"/>
            {fields.view(record, "held.")}
            <ErrorAlert error=failure(record)/>
            <FormActions submit=|t| t.consultations.save pending=record.pending() submit_testid="consultation-given-submit" on_cancel=on_cancel/>
        </form>
    }
}
