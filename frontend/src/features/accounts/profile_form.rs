//! Changing one's own name and interface language.

use crate::api::{self, session};
use crate::auth::use_auth;
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::server_message;
use crate::ui::form_actions::FormActions;
use crate::ui::select_field::SelectField;
use crate::ui::stale_notice::StaleNotice;
use crate::ui::success_alert::SuccessAlert;
use crate::ui::text_field::{TextField, trimmed};
use leptos::prelude::*;
use openapi::users::UpdateMe;

/// The full name and language of the signed-in user, saved with `PATCH /api/me`.
#[component]
pub fn ProfileForm() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let full_name = RwSignal::new(auth.with_me_untracked(|me| me.full_name.clone()).unwrap_or_default());
    let locale = RwSignal::new(i18n.locale_untracked());
    // The header's switch changes the language too; the form follows it.
    Effect::new(move |_| locale.set(i18n.locale()));
    let notice = StaleNotice::get();
    let save = Action::new_local(move |change: &UpdateMe| {
        let change = change.clone();
        async move {
            let version = auth.with_me_untracked(|me| me.version).unwrap_or(0);
            let me = match api::me::update_me(version, &change).await {
                // Changed elsewhere (another tab): the profile is shown as it is now.
                Err(error) if notice.raise_if_stale(&error) => api::me::get_me().await?,
                other => other?,
            };
            session::store_me(&me);
            i18n.set_locale(me.locale);
            Ok(())
        }
    });
    let error = failure(save);

    view! {
        <form
            class="form"
            data-testid="profile-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                save.dispatch(UpdateMe {
                    full_name: Some(trimmed(full_name)),
                    locale: Some(locale.get_untracked()),
                });
            }
        >
            <TextField
                id="profile-full-name"
                label=|t| t.full_name
                autocomplete="name"
                value=full_name
                error=server_message(error, "full_name")
            />
            <SelectField id="profile-locale" label=|t| t.language value=locale/>
            <ErrorAlert error=error testid="profile-error"/>
            <SuccessAlert action=save message=|t| t.saved testid="profile-saved"/>
            <FormActions submit=|t| t.save pending=save.pending()/>
        </form>
    }
}
