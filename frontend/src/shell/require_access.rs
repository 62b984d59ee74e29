//! The guard of pages that only some roles may use.

use crate::auth::use_auth;
use crate::shell::forbidden::Forbidden;
use leptos::prelude::*;
use openapi::users::Me;

/// Shows its children when `allowed` says yes for the signed-in user, and
/// «Недостаточно прав» otherwise.
#[component]
pub fn RequireAccess(
    /// The rule, one of the functions of [`crate::access`].
    allowed: fn(&Me) -> bool,
    /// The page.
    children: ChildrenFn,
) -> impl IntoView {
    let auth = use_auth();
    let permitted = Memo::new(move |_| auth.with_me(allowed).unwrap_or(false));
    view! {
        <Show when=move || permitted.get() fallback=|| view! { <Forbidden/> }>
            {children()}
        </Show>
    }
}
