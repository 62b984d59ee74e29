//! The empty state of a list.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// «Ничего не найдено».
#[component]
pub fn EmptyState() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="empty" data-testid="empty">
            {move || i18n.t().empty}
        </p>
    }
}
