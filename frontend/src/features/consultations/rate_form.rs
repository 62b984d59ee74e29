//! «Оценить консультацию»: satisfaction, likelihood to recommend, readiness, comment.

use crate::api;
use crate::features::consultations::form_parts::field_of;
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::form_actions::FormActions;
use crate::ui::text_field::{TextField, trimmed};
use crate::ui::textarea_field::TextAreaField;
use leptos::prelude::*;
use openapi::consultations::Consultation;
use openapi::feedback::FeedbackInput;

/// «Оценить консультацию»: satisfaction, likelihood to recommend, readiness, comment.
#[component]
pub fn RateForm(
    /// The consultation.
    consultation: Consultation,
    /// Called with the consultation once rated.
    on_done: Callback<Consultation>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = consultation.id;
    let csat = RwSignal::new(String::from("5"));
    let recommend = RwSignal::new(String::from("10"));
    let ready = RwSignal::new(true);
    let comment = RwSignal::new(String::new());
    let rate = Action::new_local(move |input: &FeedbackInput| {
        let input = input.clone();
        async move {
            let rated = api::consultations::rate(id, &input).await;
            if let Ok(rated) = &rated {
                let rated = rated.clone();
                queue_microtask(move || on_done.run(rated));
            }
            rated
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let number = |value: RwSignal<String>| value.get_untracked().trim().parse().unwrap_or(u8::MAX);
        rate.dispatch(FeedbackInput {
            csat: number(csat),
            recommend: number(recommend),
            ready: ready.get_untracked(),
            comment: trimmed(comment),
        });
    };
    view! {
        <form class="form inline-form" data-testid="consultation-rate-form" on:submit=submit>
            <TextField id="consultation-csat" label=|t| t.consultations.csat value=csat error=field_of(rate, "csat") autocomplete="off" input_type="number"/>
            <TextField id="consultation-recommend" label=|t| t.consultations.recommend value=recommend error=field_of(rate, "recommend") autocomplete="off" input_type="number"/>
            <div class="field checkbox">
                <label>
                    <input
                        type="checkbox"
                        data-testid="consultation-ready"
                        prop:checked=move || ready.get()
                        on:change=move |event| ready.set(event_target_checked(&event))
                    />
                    {move || i18n.t().consultations.ready}
                </label>
            </div>
            <TextAreaField id="consultation-comment" label=|t| t.consultations.comment value=comment error=field_of(rate, "comment")/>
            <ErrorAlert error=failure(rate)/>
            <FormActions submit=|t| t.consultations.send_rating pending=rate.pending() submit_testid="consultation-rate-submit" on_cancel=on_cancel/>
        </form>
    }
}
