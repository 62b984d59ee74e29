//! The button that opens a list page's form.

use crate::i18n::{Pick, use_i18n};
use leptos::prelude::*;

/// «Добавить …»: opens the form, and is hidden while the form is open or when the user
/// may not add.
#[component]
pub fn AddButton(
    /// The button's text in the catalogue.
    label: Pick,
    /// The button's `data-testid`.
    testid: &'static str,
    /// Whether the form is open; the button opens it.
    open: RwSignal<bool>,
    /// Whether the user may add at all; yes unless given.
    #[prop(into, default = Signal::stored(true))]
    allowed: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || allowed.get() && !open.get()>
            <button type="button" class="button button-primary" data-testid=testid on:click=move |_| open.set(true)>
                {move || label(i18n.t())}
            </button>
        </Show>
    }
}
