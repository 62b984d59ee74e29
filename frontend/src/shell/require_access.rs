//! The guard of pages that only some roles may use.

use crate::auth::use_auth;
use crate::shell::forbidden::Forbidden;
use crate::ui::loading::Loading;
use leptos::prelude::*;
use openapi::users::Me;

/// Shows its children when `allowed` says yes for the signed-in user, and
/// «Недостаточно прав» otherwise; «Загрузка…» while nobody is signed in yet (an earlier
/// session being restored: the layout sends a visitor who is signed out to sign in).
#[component]
pub fn RequireAccess(
    /// The rule, one of the functions of [`crate::access`].
    allowed: fn(&Me) -> bool,
    /// The page.
    children: ChildrenFn,
) -> impl IntoView {
    let auth = use_auth();
    let permitted = Memo::new(move |_| auth.with_me(allowed));
    move || match permitted.get() {
        None => view! { <Loading/> }.into_any(),
        Some(false) => view! { <Forbidden/> }.into_any(),
        Some(true) => children().into_any(),
    }
}
