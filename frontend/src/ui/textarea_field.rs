//! One labelled multi-line text of a form.

use crate::i18n::{Pick, use_i18n};
use crate::ui::field_error::FieldError;
use leptos::prelude::*;

/// A label, a text area bound to `value` and the message of a problem (`<id>-error`).
#[component]
pub fn TextAreaField(
    /// The text area's id and `data-testid`.
    id: &'static str,
    /// The label's text in the catalogue.
    label: Pick,
    /// The text typed; the text area changes it.
    value: RwSignal<String>,
    /// The message, if the field has a problem.
    #[prop(into)]
    error: Signal<Option<&'static str>>,
    /// The visible lines.
    #[prop(default = 3)]
    rows: u32,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    view! {
        <div class="field field-wide">
            <label for=id>{move || label(i18n.t())}</label>
            <textarea id=id data-testid=id rows=rows aria-describedby=error_id.clone() bind:value=value></textarea>
            <FieldError id=error_id message=error/>
        </div>
    }
}
