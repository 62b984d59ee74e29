//! «Отклонить» or «Отменить консультацию»: the reason, then a confirmation.

use crate::api;
use crate::features::consultations::form_parts::field_of;
use crate::i18n::Pick;
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::form_actions::FormActions;
use crate::ui::text_field::{TextField, trimmed};
use leptos::prelude::*;
use openapi::consultations::{Consultation, ConsultationReasonInput};

/// «Отклонить» or «Отменить консультацию»: the reason, then a confirmation.
#[component]
pub fn CloseForm(
    /// The consultation.
    consultation: Consultation,
    /// Declines (the host's refusal of a request) rather than cancels.
    declines: bool,
    /// Called with the consultation once closed.
    on_done: Callback<Consultation>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let (id, version) = (consultation.id, consultation.version);
    let reason = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let close = Action::new_local(move |input: &ConsultationReasonInput| {
        let input = input.clone();
        async move {
            let closed = if declines {
                api::consultations::decline(id, version, &input).await
            } else {
                api::consultations::cancel(id, version, &input).await
            };
            if let Ok(closed) = &closed {
                let closed = closed.clone();
                queue_microtask(move || on_done.run(closed));
            }
            closed
        }
    });
    let (submit_label, title, text): (Pick, Pick, Pick) = if declines {
        (
            |t| t.consultations.decline,
            |t| t.consultations.decline_title,
            |t| t.consultations.decline_text,
        )
    } else {
        (
            |t| t.consultations.cancel,
            |t| t.consultations.cancel_title,
            |t| t.consultations.cancel_text,
        )
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        confirming.set(true);
    };
    let subject = consultation.topic.clone();
    view! {
        <form class="form inline-form" data-testid="consultation-close-form" on:submit=submit>
            <TextField id="consultation-reason" label=|t| t.consultations.reason value=reason error=field_of(close, "reason") autocomplete="off"/>
            <ErrorAlert error=failure(close)/>
            <FormActions submit=submit_label pending=close.pending() submit_testid="consultation-close-submit" on_cancel=on_cancel/>
        </form>
        <Show when=move || confirming.get()>
            <ConfirmDialog
                title=title
                text=text
                subject=subject.clone()
                confirm=submit_label
                on_confirm=Callback::new(move |()| {
                    confirming.set(false);
                    close.dispatch(ConsultationReasonInput { reason: trimmed(reason) });
                })
                on_cancel=Callback::new(move |()| confirming.set(false))
            />
        </Show>
    }
}
