//! `/profile`: the user's own data, name, language and password.

use crate::auth::use_auth;
use crate::features::accounts::password_form::PasswordForm;
use crate::features::accounts::profile_form::ProfileForm;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The user's data as the server knows it, the name and language form, and the
/// password form.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let field = move |f: fn(&openapi::users::Me) -> String| move || auth.with_me(f).unwrap_or_default();

    view! {
        <section class="page">
            <h1>{move || i18n.t().profile_title}</h1>
            <div class="cards">
                <article class="card" data-testid="profile-data">
                    <h2>{move || i18n.t().profile_data}</h2>
                    <dl class="facts">
                        <dt>{move || i18n.t().full_name}</dt>
                        <dd data-testid="profile-name">{field(|me| me.full_name.clone())}</dd>
                        <dt>{move || i18n.t().email}</dt>
                        <dd>{field(|me| me.email.clone())}</dd>
                        <dt>{move || i18n.t().organisation}</dt>
                        <dd>{field(|me| me.organisation.name.clone())}</dd>
                        <dt>{move || i18n.t().roles}</dt>
                        <dd>{move || auth.with_me(|me| i18n.t().role_list(&me.roles)).unwrap_or_default()}</dd>
                    </dl>
                </article>
                <article class="card">
                    <h2>{move || i18n.t().profile_edit}</h2>
                    <ProfileForm/>
                </article>
                <article class="card">
                    <h2>{move || i18n.t().password_title}</h2>
                    <PasswordForm/>
                </article>
            </div>
        </section>
    }
}
