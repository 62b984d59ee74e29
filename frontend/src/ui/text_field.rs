//! One labelled text input of a form.

use crate::i18n::{Pick, use_i18n};
use crate::ui::field_error::FieldError;
use leptos::prelude::*;

/// A label, an input bound to `value`, an optional hint and the message of a problem.
/// The input's `aria-describedby` names the hint (`<id>-hint`) and the message
/// (`<id>-error`).
#[component]
pub fn TextField(
    /// The input's element id; the hint's and the message's ids are made from it.
    #[prop(into)]
    id: String,
    /// The label's text in the catalogue.
    label: Pick,
    /// The text typed; the input changes it.
    value: RwSignal<String>,
    /// The message, if the field has a problem.
    #[prop(into)]
    error: Signal<Option<&'static str>>,
    /// The input's `autocomplete` («off», «username», «new-password», …).
    autocomplete: &'static str,
    /// The input's `type`.
    #[prop(default = "text")]
    input_type: &'static str,
    /// A hint shown under the input, if any.
    #[prop(optional)]
    hint: Option<Pick>,
    /// Whether the input carries its id as `data-testid` too; off where the id changes
    /// from row to row.
    #[prop(default = true)]
    testid: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    let hint = hint.map(|hint| view! { <p class="hint" id=hint_id>{move || hint(i18n.t())}</p> });

    view! {
        <div class="field">
            <label for=id.clone()>{move || label(i18n.t())}</label>
            <input
                id=id.clone()
                type=input_type
                autocomplete=autocomplete
                data-testid=testid.then_some(id)
                aria-describedby=described_by
                bind:value=value
            />
            {hint}
            <FieldError id=error_id message=error/>
        </div>
    }
}

/// The text typed into `value`, without the spaces around it (not tracked).
pub fn trimmed(value: RwSignal<String>) -> String {
    value.get_untracked().trim().to_owned()
}

/// The non-blank lines of a text area, trimmed: one entry per line (speakers, trainers,
/// an order's points).
pub fn lines(value: RwSignal<String>) -> Vec<String> {
    value
        .get_untracked()
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}
