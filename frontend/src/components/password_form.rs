//! Changing one's own password.

use crate::api::{self, session};
use crate::components::error_alert::{ErrorAlert, failure};
use crate::components::field_error::{FieldError, server_message};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use openapi::users::ChangePassword;

/// The shortest password the server accepts.
const MIN_PASSWORD_CHARS: usize = 10;

/// Current, new and repeated password. The new one is checked here first (long enough,
/// typed twice the same); the answer's new tokens replace the session, since the server
/// signs every other session out.
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
    let done = move || change.value().with(|result| matches!(result, Some(Ok(()))));
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
                change.dispatch(ChangePassword { current_password: current.get_untracked(), new_password });
            }
        >
            <div class="field">
                <label for="password-current">{move || i18n.t().current_password}</label>
                <input
                    id="password-current"
                    type="password"
                    autocomplete="current-password"
                    data-testid="password-current"
                    aria-describedby="password-current-error"
                    bind:value=current
                />
                <FieldError id="password-current-error" message=wrong_current/>
            </div>
            <div class="field">
                <label for="password-new">{move || i18n.t().new_password}</label>
                <input
                    id="password-new"
                    type="password"
                    autocomplete="new-password"
                    data-testid="password-new"
                    aria-describedby="password-new-hint password-new-error"
                    bind:value=new
                />
                <p class="hint" id="password-new-hint">{move || i18n.t().password_hint}</p>
                <FieldError id="password-new-error" message=new_message/>
            </div>
            <div class="field">
                <label for="password-repeat">{move || i18n.t().repeat_password}</label>
                <input
                    id="password-repeat"
                    type="password"
                    autocomplete="new-password"
                    data-testid="password-repeat"
                    aria-describedby="password-repeat-error"
                    bind:value=repeat
                />
                <FieldError id="password-repeat-error" message=repeat_message/>
            </div>
            <ErrorAlert error=error testid="password-error"/>
            <Show when=done>
                <p class="alert alert-success" role="status" data-testid="password-changed">
                    {move || i18n.t().password_changed}
                </p>
            </Show>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || change.pending().get()>
                    {move || i18n.t().change_password}
                </button>
            </div>
        </form>
    }
}
