//! The main navigation of the signed-in pages.

use crate::access;
use crate::app::use_auth;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

/// Links to the pages the user's roles may open; the current one is marked
/// `aria-current="page"`.
#[component]
pub fn NavMenu() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let organisations = Memo::new(move |_| auth.with_me(access::may_browse_organisations).unwrap_or(false));
    let users = Memo::new(move |_| auth.with_me(access::may_manage_users).unwrap_or(false));

    view! {
        <nav class="sidenav" aria-label=move || i18n.t().nav_label data-testid="nav">
            <ul>
                <li>
                    <A href="/" exact=true {..} data-testid="nav-home">
                        {move || i18n.t().nav_home}
                    </A>
                </li>
                <Show when=move || organisations.get()>
                    <li>
                        <A href="/organisations" {..} data-testid="nav-organisations">
                            {move || i18n.t().nav_organisations}
                        </A>
                    </li>
                </Show>
                <Show when=move || users.get()>
                    <li>
                        <A href="/users" {..} data-testid="nav-users">
                            {move || i18n.t().nav_users}
                        </A>
                    </li>
                </Show>
                <li>
                    <A href="/profile" {..} data-testid="nav-profile">
                        {move || i18n.t().nav_profile}
                    </A>
                </li>
            </ul>
        </nav>
    }
}
