//! Changing one's own name and interface language.

use crate::api::{self, session};
use crate::app::use_auth;
use crate::components::error_alert::{ErrorAlert, failure};
use crate::components::field_error::{FieldError, server_message};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use openapi::users::{Locale, UpdateMe};

/// The full name and language of the signed-in user, saved with `PATCH /api/me`.
#[component]
pub fn ProfileForm() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let full_name = RwSignal::new(auth.with_me_untracked(|me| me.full_name.clone()).unwrap_or_default());
    let locale = RwSignal::new(i18n.locale_untracked());
    // The header's switch changes the language too; the form follows it.
    Effect::new(move |_| locale.set(i18n.locale()));
    let save = Action::new_local(move |change: &UpdateMe| {
        let change = change.clone();
        async move {
            let me = api::me::update_me(&change).await?;
            session::store_me(&me);
            i18n.set_locale(me.locale);
            Ok(())
        }
    });
    let error = failure(save);
    let done = move || save.value().with(|result| matches!(result, Some(Ok(()))));

    view! {
        <form
            class="form"
            data-testid="profile-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                save.dispatch(UpdateMe {
                    full_name: Some(full_name.get_untracked().trim().to_owned()),
                    locale: Some(locale.get_untracked()),
                });
            }
        >
            <div class="field">
                <label for="profile-full-name">{move || i18n.t().full_name}</label>
                <input
                    id="profile-full-name"
                    type="text"
                    autocomplete="name"
                    data-testid="profile-full-name"
                    aria-describedby="profile-full-name-error"
                    bind:value=full_name
                />
                <FieldError id="profile-full-name-error" message=server_message(error, "full_name")/>
            </div>
            <div class="field">
                <label for="profile-locale">{move || i18n.t().language}</label>
                <select
                    id="profile-locale"
                    data-testid="profile-locale"
                    on:change=move |event| {
                        if let Some(chosen) = Locale::parse(&event_target_value(&event)) {
                            locale.set(chosen);
                        }
                    }
                >
                    <option value="ru" selected=move || locale.get() == Locale::Ru>
                        {move || i18n.t().language_ru}
                    </option>
                    <option value="en" selected=move || locale.get() == Locale::En>
                        {move || i18n.t().language_en}
                    </option>
                </select>
            </div>
            <ErrorAlert error=error testid="profile-error"/>
            <Show when=done>
                <p class="alert alert-success" role="status" data-testid="profile-saved">
                    {move || i18n.t().saved}
                </p>
            </Show>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || save.pending().get()>
                    {move || i18n.t().save}
                </button>
            </div>
        </form>
    }
}
