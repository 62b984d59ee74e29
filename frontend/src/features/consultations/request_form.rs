//! «Попросить консультацию»: the school asked, the topic and the question.

use crate::api;
use crate::features::consultations::form_parts::field_of;
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::form_actions::FormActions;
use crate::ui::option_select::{OptionSelect, other_organisations};
use crate::ui::text_field::{TextField, trimmed};
use crate::ui::textarea_field::TextAreaField;
use leptos::prelude::*;
use openapi::OrganisationId;
use openapi::consultations::{Consultation, ConsultationRequestInput};
use openapi::organisations::OrganisationKind;

/// «Попросить консультацию»: the school asked, the topic and the question.
#[component]
pub fn RequestForm(
    /// The caller's organisation, left out of the schools offered.
    own_org: Option<OrganisationId>,
    /// Called with the consultation once asked for.
    on_done: Callback<Consultation>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let host = RwSignal::new(None::<OrganisationId>);
    let topic = RwSignal::new(String::new());
    let question = RwSignal::new(String::new());
    let options = other_organisations(Some(OrganisationKind::School), own_org);
    let send = Action::new_local(move |input: &ConsultationRequestInput| {
        let input = input.clone();
        async move {
            let sent = api::consultations::request_consultation(&input).await;
            if let Ok(sent) = &sent {
                let sent = sent.clone();
                queue_microtask(move || on_done.run(sent));
            }
            sent
        }
    });
    let missing = RwSignal::new(false);
    let (i18n, host_refused) = (use_i18n(), field_of(send, "host_org_id"));
    let host_error = Signal::derive(move || {
        if missing.get() && host.with(Option::is_none) {
            Some(i18n.t().field_required)
        } else {
            host_refused.get()
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(host_org_id) = host.get_untracked() else {
            missing.set(true);
            return;
        };
        send.dispatch(ConsultationRequestInput {
            host_org_id,
            recipient_org_id: None,
            resource_id: None,
            topic: trimmed(topic),
            question: trimmed(question),
        });
    };
    view! {
        <form class="card form" data-testid="consultation-request-form" on:submit=submit>
            <OptionSelect
                id="consultation-host"
                label=|t| t.consultations.host
                none=|t| t.consultations.choose
                options=options
                value=host
                error=host_error
            />
            <TextField id="consultation-topic" label=|t| t.consultations.topic value=topic error=field_of(send, "topic") autocomplete="off"/>
            <TextAreaField id="consultation-question" label=|t| t.consultations.question value=question error=field_of(send, "question")/>
            <ErrorAlert error=failure(send)/>
            <FormActions submit=|t| t.consultations.submit_request pending=send.pending() submit_testid="consultation-request-submit" on_cancel=on_cancel/>
        </form>
    }
}
