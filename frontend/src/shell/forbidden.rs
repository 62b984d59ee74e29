//! The answer to a role that may not use a page.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// «Недостаточно прав», with a link home.
#[component]
pub fn Forbidden() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card notice" data-testid="forbidden">
            <h1>{move || i18n.t().forbidden_title}</h1>
            <p>{move || i18n.t().forbidden_text}</p>
            <p><a href="/">{move || i18n.t().back_home}</a></p>
        </section>
    }
}
