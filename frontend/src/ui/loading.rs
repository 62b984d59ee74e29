//! The loading state of a page or list.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// «Загрузка…», announced politely to screen readers.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="muted loading" role="status" data-testid="loading">
            {move || i18n.t().loading}
        </p>
    }
}
