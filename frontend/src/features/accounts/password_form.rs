//! Changing one's own password.

use crate::api::{self, session};
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::server_message;
use crate::ui::form_actions::FormActions;
use crate::ui::success_alert::SuccessAlert;
use crate::ui::text_field::TextField;
use leptos::prelude::*;
use openapi::users::ChangePassword;
use rules::limits::MIN_PASSWORD_CHARS;

/// Current, new and repeated password. The new one is checked here first (long enough,
/// typed twice the same); the answer's new access token replaces the session's (and its
/// refresh cookie the old one), since the server signs every other session out.
#[component]
pub fn PasswordForm() -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let too_short = RwSignal::new(false);
    let mismatch = RwSignal::new(false);
    let change = Action::new_local(move |request: &ChangePassword| {
        let request = request.clone();
        async move {
            let pair = api::me::change_password(&request).await?;
            session::store_pair(&pair);
            current.set(String::new());
            new.set(String::new());
            repeat.set(String::new());
            Ok(())
        }
    });
    let error = failure(change);
    let wrong_current = Signal::derive(move || {
        let wrong = error
            .with(|error| error.as_ref().and_then(|error| error.code()) == Some(openapi::ProblemCode::WrongPassword));
        wrong.then(|| i18n.t().err_wrong_password)
    });
    let new_from_server = server_message(error, "new_password");
    let new_message = Signal::derive(move || {
        if too_short.get() {
            Some(i18n.t().password_too_short)
        } else {
            new_from_server.get()
        }
    });
    let repeat_message = Signal::derive(move || mismatch.get().then(|| i18n.t().password_mismatch));

    view! {
        <form
            class="form"
            data-testid="password-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                let new_password = new.get_untracked();
                too_short.set(new_password.chars().count() < MIN_PASSWORD_CHARS);
                mismatch.set(new_password != repeat.get_untracked());
                if too_short.get_untracked() || mismatch.get_untracked() {
                    return;
                }
                change.dispatch(ChangePassword {
                    current_password: current.get_untracked(),
                    new_password,
                    refresh_token_in_body: false,
                });
            }
        >
            <TextField
                id="password-current"
                label=|t| t.current_password
                input_type="password"
                autocomplete="current-password"
                value=current
                error=wrong_current
            />
            <TextField
                id="password-new"
                label=|t| t.new_password
                input_type="password"
                autocomplete="new-password"
                hint=|t| t.password_hint
                value=new
                error=new_message
            />
            <TextField
                id="password-repeat"
                label=|t| t.repeat_password
                input_type="password"
                autocomplete="new-password"
                value=repeat
                error=repeat_message
            />
            <ErrorAlert error=error testid="password-error"/>
            <SuccessAlert action=change message=|t| t.password_changed testid="password-changed"/>
            <FormActions submit=|t| t.change_password pending=change.pending()/>
        </form>
    }
}
