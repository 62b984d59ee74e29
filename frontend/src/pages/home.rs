//! `/`: the signed-in user's start page.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::i18n::use_i18n;
use crate::shell::reminders::Reminders;
use leptos::prelude::*;

/// A greeting with the user's name, their organisation, and what each of their roles
/// does on the platform.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let organisation_id = auth.with_me_untracked(|me| me.organisation.id);
    let organisation = LocalResource::new(move || async move {
        match organisation_id {
            Some(id) => api::organisations::get_organisation(id).await.ok(),
            None => None,
        }
    });
    let name = move || auth.with_me(|me| me.full_name.clone()).unwrap_or_default();
    let organisation_name = move || auth.with_me(|me| me.organisation.name.clone()).unwrap_or_default();
    let roles = move || auth.with_me(|me| me.roles.clone()).unwrap_or_default();
    let show_reminders = move || auth.with_me(access::may_read_projects).unwrap_or(false);
    let platform_admin = move || auth.with_me(|me| me.is_platform_admin).unwrap_or(false);
    let details = move || {
        organisation
            .get()
            .flatten()
            .map(|organisation| format!("{} · {}", i18n.t().kind(organisation.kind), organisation.municipality))
    };

    view! {
        <section class="page">
            <h1 data-testid="home-greeting">
                {move || i18n.t().home_greeting} ", " {name} "!"
            </h1>
            <div class="cards">
                <article class="card" data-testid="home-organisation">
                    <h2>{move || i18n.t().home_organisation}</h2>
                    <p class="lead">{organisation_name}</p>
                    <p class="muted">{details}</p>
                </article>
                <article class="card" data-testid="home-roles">
                    <h2>{move || i18n.t().home_roles}</h2>
                    <ul class="role-list">
                        {move || {
                            roles()
                                .into_iter()
                                .map(|role| {
                                    view! {
                                        <li data-role=role.as_str()>{move || i18n.t().role_about(role)}</li>
                                    }
                                })
                                .collect_view()
                        }}
                        <Show when=platform_admin>
                            <li data-role="platform-admin">{move || i18n.t().home_platform_admin}</li>
                        </Show>
                    </ul>
                </article>
                <Show when=show_reminders>
                    <Reminders/>
                </Show>
            </div>
        </section>
    }
}
