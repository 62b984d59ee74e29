//! The search form above a list.

use crate::i18n::{Pick, use_i18n};
use crate::ui::text_field::trimmed;
use leptos::prelude::*;

/// A search field, its button and the list's other filters (`children`). A search goes
/// back to the first page.
#[component]
pub fn SearchFilters(
    /// The search field's id and `data-testid`.
    id: &'static str,
    /// The hint in the empty search field, in the catalogue.
    placeholder: Pick,
    /// The search in force, trimmed, `None` when empty; set when the form is submitted.
    query: RwSignal<Option<String>>,
    /// The 1-based page shown, set back to 1 by a search.
    page: RwSignal<u32>,
    /// The form's `data-testid`, if it has one.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The search button's `data-testid`, if it has one.
    #[prop(optional)]
    submit_testid: Option<&'static str>,
    /// The other filters.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let search = RwSignal::new(String::new());

    view! {
        <form
            class="filters"
            role="search"
            data-testid=testid
            on:submit=move |event| {
                event.prevent_default();
                page.set(1);
                query.set(Some(trimmed(search)).filter(|q| !q.is_empty()));
            }
        >
            <div class="field">
                <label for=id>{move || i18n.t().search}</label>
                <input
                    id=id
                    type="search"
                    data-testid=id
                    placeholder=move || placeholder(i18n.t())
                    bind:value=search
                />
            </div>
            <button type="submit" class="button" data-testid=submit_testid>
                {move || i18n.t().search_submit}
            </button>
            {children()}
        </form>
    }
}
