//! The application root: the language and session contexts and the routes.

use crate::api::{self, session};
use crate::components::shell::Shell;
use crate::i18n::I18n;
use crate::pages::{home::HomePage, login::LoginPage, not_found::NotFoundPage};
use crate::routes::{
    ApprovalsRoute, AuditRoute, BoardRoute, CatalogueRoute, ConsultationsRoute, DisseminationRoute, FeedbackRoute,
    OrderPrintRoute, OrganisationsRoute, ProfileRoute, ProjectRoute, ProjectsRoute, RankingRoute, RegistryRoute,
    RequestsRoute, ResourceRoute, UsersRoute,
};
use crate::routes::{CertificateRoute, CohortRoute, TrainingRoute, VerifyRoute};
use crate::routes::{EventRoute, EventsRoute, FairResultsRoute};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, path};
use openapi::auth::TokenPair;
use openapi::users::{Locale, Me, UpdateMe};

/// The application: every page of the platform behind one router; the pages but
/// sign-in, home and «not found» load lazily (see [`crate::routes`]).
#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    Auth::provide(i18n);
    crate::components::stale_notice::StaleNotice::provide();
    Effect::new(move |_| {
        if let Some(document) = web_sys::window().and_then(|window| window.document()) {
            document.set_title(i18n.t().app_name);
        }
    });

    view! {
        <Router>
            <Routes fallback=|| view! { <NotFoundPage/> }>
                <Route path=path!("/login") view=LoginPage/>
                // A feedback link is answered without an account, outside the layout.
                <Route path=path!("/feedback/:token") view={Lazy::<FeedbackRoute>::new()}/>
                <Route path=path!("/verify") view={Lazy::<VerifyRoute>::new()}/>
                <Route path=path!("/verify/:number") view={Lazy::<VerifyRoute>::new()}/>
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/profile") view={Lazy::<ProfileRoute>::new()}/>
                    <Route path=path!("/users") view={Lazy::<UsersRoute>::new()}/>
                    <Route path=path!("/projects") view={Lazy::<ProjectsRoute>::new()}/>
                    <Route path=path!("/projects/:id") view={Lazy::<ProjectRoute>::new()}/>
                    <Route path=path!("/projects/:id/:tab") view={Lazy::<ProjectRoute>::new()}/>
                    <Route path=path!("/orders/:id/print") view={Lazy::<OrderPrintRoute>::new()}/>
                    <Route path=path!("/ranking") view={Lazy::<RankingRoute>::new()}/>
                    <Route path=path!("/approvals") view={Lazy::<ApprovalsRoute>::new()}/>
                    <Route path=path!("/board") view={Lazy::<BoardRoute>::new()}/>
                    <Route path=path!("/dissemination") view={Lazy::<DisseminationRoute>::new()}/>
                    <Route path=path!("/registry") view={Lazy::<RegistryRoute>::new()}/>
                    <Route path=path!("/catalogue") view={Lazy::<CatalogueRoute>::new()}/>
                    <Route path=path!("/requests") view={Lazy::<RequestsRoute>::new()}/>
                    <Route path=path!("/consultations") view={Lazy::<ConsultationsRoute>::new()}/>
                    <Route path=path!("/resources/:id") view={Lazy::<ResourceRoute>::new()}/>
                    <Route path=path!("/cohorts/:id") view={Lazy::<CohortRoute>::new()}/>
                    <Route path=path!("/enrolments/:id/certificate") view={Lazy::<CertificateRoute>::new()}/>
                    <Route path=path!("/training") view={Lazy::<TrainingRoute>::new()}/>
                    <Route path=path!("/audit") view={Lazy::<AuditRoute>::new()}/>
                    <Route path=path!("/organisations") view={Lazy::<OrganisationsRoute>::new()}/>
                    <Route path=path!("/events") view={Lazy::<EventsRoute>::new()}/>
                    <Route path=path!("/events/:id") view={Lazy::<EventRoute>::new()}/>
                    <Route path=path!("/events/:id/results") view={Lazy::<FairResultsRoute>::new()}/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

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
    fn provide(i18n: I18n) -> Self {
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

/// The session context provided by [`App`].
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
