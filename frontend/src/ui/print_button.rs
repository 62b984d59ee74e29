//! «Печать»: the browser's print dialog for a print view.

use crate::i18n::{Pick, use_i18n};
use leptos::prelude::*;

/// The button that opens the browser's print dialog (`data-testid="print"`).
#[component]
pub fn PrintButton(
    /// Its label in the catalogue.
    label: Pick,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="button button-primary"
            data-testid="print"
            on:click=move |_| {
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            }
        >
            {move || label(i18n.t())}
        </button>
    }
}
