//! The layout of every signed-in page, and the guard that sends signed-out visitors to
//! the sign-in page.

use crate::auth::{login_path, use_auth};
use crate::shell::header::Header;
use crate::shell::nav_menu::NavMenu;
use crate::ui::stale_notice::StaleBanner;
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};
use leptos_router::hooks::use_location;

/// The header, the navigation and the current page; signed out, a redirect to
/// `/login?next=<this page>` instead. While an earlier session is being restored with
/// the refresh cookie the page is already chosen, so that its code and its first data
/// download meanwhile; it shows «Загрузка…» until someone is signed in (see
/// [`RequireAccess`](crate::shell::require_access::RequireAccess)), and the header and
/// the navigation appear with the user.
#[component]
pub fn Shell() -> impl IntoView {
    let auth = use_auth();
    let location = use_location();
    let signed_in = Memo::new(move |_| auth.signed_in());
    let to_login = move || {
        let target = if auth.signed_out_by_user() {
            "/login".to_owned()
        } else {
            let path = location.pathname.get_untracked();
            let search = location.search.get_untracked();
            if search.is_empty() {
                login_path(&path)
            } else {
                login_path(&format!("{path}?{search}"))
            }
        };
        view! { <Redirect path=target/> }
    };

    let restoring = Memo::new(move |_| auth.restoring());
    let present = Memo::new(move |_| signed_in.get() || restoring.get());

    view! {
        <Show when=move || present.get() fallback=to_login>
            <Show when=move || signed_in.get()>
                <Header/>
            </Show>
            <div class="layout">
                <Show when=move || signed_in.get()>
                    <NavMenu/>
                </Show>
                <main id="main" class="content">
                    <StaleBanner/>
                    <Outlet/>
                </main>
            </div>
        </Show>
    }
}
