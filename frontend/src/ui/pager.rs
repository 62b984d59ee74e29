//! Moving between the pages of a list.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// «Назад», «Стр. N из M», «Вперёд».
#[component]
pub fn Pager(
    /// The 1-based page shown; the buttons change it.
    page: RwSignal<u32>,
    /// How many pages the list has.
    page_count: u32,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="pager" aria-label=move || i18n.t().pager_label data-testid="pager">
            <button
                type="button"
                class="button"
                data-testid="pager-prev"
                disabled=move || { page.get() <= 1 }
                on:click=move |_| page.update(|page| *page = page.saturating_sub(1).max(1))
            >
                {move || i18n.t().pager_prev}
            </button>
            <span class="pager-status" data-testid="pager-status">
                {move || format!("{} {} {} {}", i18n.t().pager_page, page.get(), i18n.t().pager_of, page_count)}
            </span>
            <button
                type="button"
                class="button"
                data-testid="pager-next"
                disabled=move || { page.get() >= page_count }
                on:click=move |_| page.update(|page| *page += 1)
            >
                {move || i18n.t().pager_next}
            </button>
        </nav>
    }
}
