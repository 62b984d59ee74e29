//! A drop-down that narrows a list.

use crate::i18n::{Choice, Pick, use_i18n};
use crate::ui::select_field::options;
use leptos::prelude::*;

/// A labelled select with «Все» and one option per value of `T`. A choice goes back to
/// the first page.
#[component]
pub fn FilterSelect<T: Choice>(
    /// The select's id and `data-testid`.
    id: &'static str,
    /// The label's text in the catalogue.
    label: Pick,
    /// The value in force, `None` for «Все»; the select changes it.
    value: RwSignal<Option<T>>,
    /// The 1-based page shown, set back to 1 by a choice.
    page: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || label(i18n.t())}</label>
            <select
                id=id
                data-testid=id
                on:change=move |event| {
                    page.set(1);
                    value.set(T::from_key(&event_target_value(&event)));
                }
            >
                <option value="" selected=move || value.get().is_none()>{move || i18n.t().filter_all}</option>
                {options(move |choice| value.get() == Some(choice))}
            </select>
        </div>
    }
}
