//! The empty state of a list.

use crate::i18n::{Pick, use_i18n};
use leptos::prelude::*;

/// «Ничего не найдено», or what the list at hand lacks.
#[component]
pub fn EmptyState(
    /// The text instead of «Ничего не найдено», for a list that was never filled rather
    /// than searched.
    #[prop(optional)]
    text: Option<Pick>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="empty" data-testid="empty">
            {move || text.map_or(i18n.t().empty, |text| text(i18n.t()))}
        </p>
    }
}
