//! The satisfaction questions: CSAT 1–5, the likelihood to recommend 0–10, readiness to
//! recommend and a comment. The public link page and the recipient's own rating share it.

use crate::api::ApiError;
use crate::i18n::{Pick, use_i18n};
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::form_actions::FormActions;
use crate::ui::textarea_field::TextAreaField;
use leptos::prelude::*;
use openapi::feedback::{Feedback, FeedbackInput};

/// The questions as radio buttons; the answer is sent by `action`.
#[component]
pub fn ScoreForm(
    /// Sends the answer.
    action: Action<FeedbackInput, Result<Feedback, ApiError>>,
    /// The message for a failed call; the general one unless given.
    #[prop(optional)]
    refusal: Option<fn(&ApiError) -> Option<Pick>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let csat = RwSignal::new(None::<u8>);
    let recommend = RwSignal::new(None::<u8>);
    let ready = RwSignal::new(None::<bool>);
    let comment = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (Some(csat), Some(recommend), Some(ready)) =
            (csat.get_untracked(), recommend.get_untracked(), ready.get_untracked())
        else {
            missing.set(true);
            return;
        };
        missing.set(false);
        action.dispatch(FeedbackInput {
            csat,
            recommend,
            ready,
            comment: comment.get_untracked().trim().to_owned(),
        });
    };
    let required = move |unset: Signal<bool>| {
        move || {
            (missing.get() && unset.get())
                .then(|| view! { <p class="field-error" role="alert">{i18n.t().field_required}</p> })
        }
    };
    let refused = move || {
        action.value().with(|result| match (result, refusal) {
            (Some(Err(error)), Some(refusal)) => refusal(error).map(|pick| pick(i18n.t())),
            _ => None,
        })
    };
    let general = Signal::derive(move || failure(action).get().filter(|_| refused().is_none()));
    view! {
        <form class="card form score-form" data-testid="score-form" on:submit=submit>
            <fieldset class="field field-wide" data-testid="score-csat">
                <legend>{move || i18n.t().deliveries.score_csat}</legend>
                <div class="radio-row">{scale("csat", 1..=5, csat)}</div>
                {required(Signal::derive(move || csat.get().is_none()))}
            </fieldset>
            <fieldset class="field field-wide" data-testid="score-recommend">
                <legend>{move || i18n.t().deliveries.score_recommend}</legend>
                <div class="radio-row">{scale("recommend", 0..=10, recommend)}</div>
                {required(Signal::derive(move || recommend.get().is_none()))}
            </fieldset>
            <fieldset class="field field-wide" data-testid="score-ready">
                <legend>{move || i18n.t().deliveries.score_ready}</legend>
                <div class="radio-row">
                    <label class="radio">
                        <input type="radio" name="ready" value="yes" on:change=move |_| ready.set(Some(true))/>
                        {move || i18n.t().deliveries.yes}
                    </label>
                    <label class="radio">
                        <input type="radio" name="ready" value="no" on:change=move |_| ready.set(Some(false))/>
                        {move || i18n.t().deliveries.no}
                    </label>
                </div>
                {required(Signal::derive(move || ready.get().is_none()))}
            </fieldset>
            <TextAreaField id="score-comment" label=|t| t.deliveries.comment value=comment error=Signal::stored(None)/>
            {move || refused().map(|text| view! { <p class="alert alert-error" role="alert" data-testid="score-refused">{text}</p> })}
            <ErrorAlert error=general/>
            <FormActions submit=|t| t.deliveries.send pending=action.pending() submit_testid="score-submit"/>
        </form>
    }
}

/// One radio button per score in `range`.
fn scale(name: &'static str, range: std::ops::RangeInclusive<u8>, value: RwSignal<Option<u8>>) -> impl IntoView {
    range
        .map(|score| {
            view! {
                <label class="radio radio-score">
                    <input type="radio" name=name value=score.to_string() on:change=move |_| value.set(Some(score))/>
                    {score}
                </label>
            }
        })
        .collect_view()
}
