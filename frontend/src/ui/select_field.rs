//! One labelled drop-down of a form.

use crate::i18n::{Choice, Pick, use_i18n};
use crate::ui::field_error::FieldError;
use leptos::prelude::*;

/// A label and a select with one option per value of `T`, bound to `value`, and the
/// message of a problem if one can be given.
#[component]
pub fn SelectField<T: Choice>(
    /// The select's id and `data-testid`; the message's id is `<id>-error`.
    #[prop(into)]
    id: String,
    /// The label's text in the catalogue.
    label: Pick,
    /// The value chosen; the select changes it.
    value: RwSignal<T>,
    /// The message, if the field has a problem; without it there is no message.
    #[prop(optional, into)]
    error: Option<Signal<Option<&'static str>>>,
    /// Whether the select carries its id as `data-testid` too; off where the id changes
    /// from row to row.
    #[prop(default = true)]
    testid: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = error.as_ref().map(|_| format!("{id}-error"));
    let error = error.map(|message| view! { <FieldError id=format!("{id}-error") message=message/> });

    view! {
        <div class="field">
            <label for=id.clone()>{move || label(i18n.t())}</label>
            <select
                id=id.clone()
                data-testid=testid.then_some(id.clone())
                aria-describedby=error_id
                on:change=move |event| {
                    if let Some(chosen) = T::from_key(&event_target_value(&event)) {
                        value.set(chosen);
                    }
                }
            >
                {options(move |choice| value.get() == choice)}
            </select>
            {error}
        </div>
    }
}

/// One option per value of `T`, in order; `selected` tells which one is chosen (reactive).
pub fn options<T: Choice>(selected: impl Fn(T) -> bool + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    T::CHOICES
        .iter()
        .map(|&choice| {
            view! {
                <option value=choice.key() selected=move || selected(choice)>
                    {move || choice.text(i18n.t())}
                </option>
            }
        })
        .collect_view()
}
