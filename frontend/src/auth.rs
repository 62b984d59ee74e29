//! Who is signed in: the session context every page reads ([`use_auth`]), the sign-in
//! redirect, and the user's language saved to their profile. It depends on the API
//! client only.

use crate::api::{self, session};
use crate::i18n::I18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openapi::auth::TokenPair;
use openapi::users::{Locale, Me, UpdateMe};

/// The signed-in user, shared through the context. It mirrors the session in memory
/// (see [`session::on_change`]), so a refused token refresh anywhere signs the user out
/// here.
#[derive(Debug, Clone, Copy)]
pub struct Auth {
    me: RwSignal<Option<Me>>,
    restoring: RwSignal<bool>,
    signed_out_by_user: RwSignal<bool>,
    i18n: I18n,
}

impl Auth {
    /// Provides the context and, when this browser signed in before, restores the
    /// session with the refresh cookie (the access token is never stored).
    pub fn provide(i18n: I18n) -> Self {
        session::drop_legacy_storage();
        let may_restore = session::may_have_cookie();
        let auth = Self {
            me: RwSignal::new(None),
            restoring: RwSignal::new(may_restore),
            signed_out_by_user: RwSignal::new(false),
            i18n,
        };
        session::on_change(move |me| auth.me.set(me));
        follow_other_tabs();
        if may_restore {
            spawn_local(async move {
                // A refused cookie clears the session inside; a network error keeps
                // nothing to show, and the next call tries again.
                if api::client::refresh_after(None).await.is_ok()
                    && let Some(me) = auth.with_me_untracked(Me::clone)
                {
                    auth.sync_locale(&me);
                }
                auth.restoring.set(false);
            });
        }
        provide_context(auth);
        auth
    }

    /// Whether the session of an earlier visit is still being restored (reactive).
    pub fn restoring(self) -> bool {
        self.restoring.get()
    }

    /// Whether someone is signed in (reactive).
    pub fn signed_in(self) -> bool {
        self.me.with(Option::is_some)
    }

    /// Applies `f` to the signed-in user, if any (reactive).
    pub fn with_me<R>(self, f: impl FnOnce(&Me) -> R) -> Option<R> {
        self.me.with(|me| me.as_ref().map(f))
    }

    /// Applies `f` to the signed-in user, if any, without subscribing to changes.
    pub fn with_me_untracked<R>(self, f: impl FnOnce(&Me) -> R) -> Option<R> {
        self.me.with_untracked(|me| me.as_ref().map(f))
    }

    /// Whether the last sign-out was the user's own (then the login page gets no `next`).
    pub fn signed_out_by_user(self) -> bool {
        self.signed_out_by_user.get_untracked()
    }

    /// Keeps the access token and the user of a successful sign-in.
    pub fn sign_in(self, pair: &TokenPair) {
        self.signed_out_by_user.set(false);
        session::store_pair(pair);
        self.sync_locale(&pair.user);
    }

    /// Revokes the session on the server (which removes the cookie) and forgets it here.
    pub async fn sign_out(self) {
        self.signed_out_by_user.set(true);
        // Signing out locally must not depend on the server being reachable.
        let _ = api::auth::logout().await;
        session::clear();
    }

    /// A language chosen in this browser wins and is saved to the profile; without a
    /// choice the profile's language is adopted.
    fn sync_locale(self, me: &Me) {
        if !self.i18n.has_stored_choice() {
            self.i18n.set_locale(me.locale);
            return;
        }
        let chosen = self.i18n.locale_untracked();
        if chosen != me.locale {
            save_locale(chosen);
        }
    }
}

/// Signs this page out when another tab of the site signs out (it removes the
/// signed-in hint from `localStorage`, which fires a `storage` event here).
fn follow_other_tabs() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::StorageEvent)>::new(|event: web_sys::StorageEvent| {
            if event.key().as_deref() == Some(session::HINT_KEY) && event.new_value().is_none() {
                session::forget_in_this_tab();
            }
        });
    let _ = window.add_event_listener_with_callback("storage", wasm_bindgen::JsCast::unchecked_ref(listener.as_ref()));
    // The listener lives as long as the page.
    listener.forget();
}

/// The session context provided by the application root.
pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

/// Saves `locale` as the signed-in user's language, in the background; the answer
/// replaces the stored user.
pub fn save_locale(locale: Locale) {
    spawn_local(async move {
        let change = UpdateMe {
            locale: Some(locale),
            ..UpdateMe::default()
        };
        let version = session::load().map_or(0, |stored| stored.me.version);
        match api::me::update_me(version, &change).await {
            Ok(me) => session::store_me(&me),
            // The account changed elsewhere: the language alone is sent again on the
            // current version (nothing else of the account is overwritten).
            Err(error) if error.is_stale() => {
                if let Ok(current) = api::me::get_me().await
                    && let Ok(me) = api::me::update_me(current.version, &change).await
                {
                    session::store_me(&me);
                }
            }
            Err(_) => {}
        }
    });
}

/// The sign-in page's address that comes back to `path` afterwards.
pub fn login_path(path: &str) -> String {
    format!("/login?next={}", String::from(js_sys::encode_uri_component(path)))
}

/// Whether `next` may be followed after sign-in: a path on this site, not another host.
pub fn is_safe_next(next: &str) -> bool {
    next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\")
}

#[cfg(test)]
mod tests {
    use super::is_safe_next;

    #[test]
    fn only_paths_of_this_site_are_followed_after_sign_in() {
        for next in ["/", "/projects/7", "/registry?page=2"] {
            assert!(is_safe_next(next), "{next}");
        }
        for next in [
            "",
            "projects",
            "//evil.example/",
            "/\\evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
        ] {
            assert!(!is_safe_next(next), "{next}");
        }
    }
}
