//! The RU/EN switch.

use crate::auth::{save_locale, use_auth};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use openapi::users::Locale;

/// Two buttons that switch the interface language; the choice is remembered in this
/// browser and, when signed in, saved to the profile.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let choose = move |locale: Locale| {
        if i18n.locale_untracked() == locale {
            return;
        }
        i18n.set_locale(locale);
        if auth.with_me_untracked(|me| me.locale != locale).unwrap_or(false) {
            save_locale(locale);
        }
    };
    let button = move |locale: Locale, label: &'static str, testid: &'static str| {
        view! {
            <button
                type="button"
                class="lang-button"
                lang=locale.as_str()
                data-testid=testid
                aria-pressed=move || (i18n.locale() == locale).to_string()
                on:click=move |_| choose(locale)
            >
                {label}
            </button>
        }
    };

    view! {
        <div class="lang-switch" role="group" aria-label=move || i18n.t().language>
            {button(Locale::Ru, "RU", "lang-ru")}
            {button(Locale::En, "EN", "lang-en")}
        </div>
    }
}
