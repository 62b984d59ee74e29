//! `/login`: signing in.

use crate::api;
use crate::auth::{is_safe_next, use_auth};
use crate::i18n::use_i18n;
use crate::shell::language_switch::LanguageSwitch;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::server_message;
use crate::ui::text_field::{TextField, trimmed};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use openapi::auth::LoginRequest;

/// The sign-in form. Once signed in (now or already), goes to `?next=` when it is a path
/// of this site, else home.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let query = use_query_map();
    let navigate = use_navigate();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let login = Action::new_local(move |request: &LoginRequest| {
        let request = request.clone();
        async move {
            let pair = api::auth::login(&request).await?;
            auth.sign_in(&pair);
            Ok(())
        }
    });
    let error = failure(login);

    Effect::new(move |_| {
        if auth.signed_in() {
            let next = query
                .with_untracked(|query| query.get("next"))
                .filter(|next| is_safe_next(next))
                .unwrap_or_else(|| "/".to_owned());
            navigate(
                &next,
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });

    view! {
        <div class="login-page">
            <main class="card login-card">
                <div class="login-top">
                    <h1 class="login-title">{move || i18n.t().app_name}</h1>
                    <LanguageSwitch/>
                </div>
                <h2 class="login-heading">{move || i18n.t().login_heading}</h2>
                <form
                    class="form"
                    data-testid="login-form"
                    novalidate
                    on:submit=move |event| {
                        event.prevent_default();
                        login.dispatch(LoginRequest {
                            email: trimmed(email),
                            password: password.get_untracked(),
                            refresh_token_in_body: false,
                        });
                    }
                >
                    <TextField
                        id="login-email"
                        label=|t| t.email
                        input_type="email"
                        autocomplete="username"
                        value=email
                        error=server_message(error, "email")
                    />
                    <TextField
                        id="login-password"
                        label=|t| t.password
                        input_type="password"
                        autocomplete="current-password"
                        value=password
                        error=server_message(error, "password")
                    />
                    <ErrorAlert error=error testid="login-error"/>
                    <button
                        type="submit"
                        class="button button-primary button-wide"
                        data-testid="login-submit"
                        disabled=move || login.pending().get()
                    >
                        {move || if login.pending().get() { i18n.t().login_pending } else { i18n.t().login_submit }}
                    </button>
                </form>
            </main>
        </div>
    }
}
