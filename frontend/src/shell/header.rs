//! The top bar of the signed-in pages.

use crate::auth::use_auth;
use crate::i18n::use_i18n;
use crate::shell::language_switch::LanguageSwitch;
use leptos::prelude::*;

/// The platform's name, who is signed in and for which organisation, the language switch
/// and the sign-out button.
#[component]
pub fn Header() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let sign_out = Action::new_local(move |_: &()| auth.sign_out());
    let name = move || auth.with_me(|me| me.full_name.clone()).unwrap_or_default();
    let organisation = move || {
        auth.with_me(|me| me.organisation.short_name.clone())
            .unwrap_or_default()
    };

    view! {
        <header class="topbar" data-testid="header">
            <a class="brand" href="/">{move || i18n.t().app_name}</a>
            <div class="topbar-end">
                <div class="whoami">
                    <span class="whoami-name" data-testid="user-name">{name}</span>
                    <span class="whoami-org" data-testid="user-organisation">{organisation}</span>
                </div>
                <LanguageSwitch/>
                <button
                    type="button"
                    class="button button-on-dark"
                    data-testid="logout"
                    disabled=move || sign_out.pending().get()
                    on:click=move |_| {
                        sign_out.dispatch(());
                    }
                >
                    {move || i18n.t().logout}
                </button>
            </div>
        </header>
    }
}
