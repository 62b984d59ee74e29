//! Any address the platform does not have.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// «Страница не найдена», with a link home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="login-page">
            <main class="card login-card notice" data-testid="not-found">
                <p class="muted">{move || i18n.t().app_name}</p>
                <h1>{move || i18n.t().not_found_title}</h1>
                <p>{move || i18n.t().not_found_text}</p>
                <p><a class="button button-primary" href="/">{move || i18n.t().back_home}</a></p>
            </main>
        </div>
    }
}
