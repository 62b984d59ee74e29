//! The application root: the language and session contexts and the routes.

use crate::access;
use crate::api::{self, session};
use crate::components::require_access::RequireAccess;
use crate::components::shell::Shell;
use crate::i18n::I18n;
use crate::pages::{
    approvals::ApprovalsPage, audit::AuditPage, board::BoardPage, catalogue::CataloguePage, feedback::FeedbackPage,
    home::HomePage, login::LoginPage, not_found::NotFoundPage, order_print::OrderPrintPage,
    organisations::OrganisationsPage, profile::ProfilePage, project::ProjectPage, projects::ProjectsPage,
    ranking::RankingPage, registry::RegistryPage, requests::RequestsPage, resource::ResourcePage, users::UsersPage,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use openapi::auth::TokenPair;
use openapi::users::{Locale, Me, UpdateMe};

/// The application: every page of the platform behind one router.
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
                <Route path=path!("/feedback/:token") view=FeedbackPage/>
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/profile") view=ProfilePage/>
                    <Route
                        path=path!("/users")
                        view=|| view! {
                            <RequireAccess allowed=access::may_manage_users>
                                <UsersPage/>
                            </RequireAccess>
                        }
                    />
                    <Route
                        path=path!("/projects")
                        view=|| view! {
                            <RequireAccess allowed=access::may_read_projects>
                                <ProjectsPage/>
                            </RequireAccess>
                        }
                    />
                    <Route
                        path=path!("/projects/:id")
                        view=|| view! {
                            <RequireAccess allowed=access::may_read_projects>
                                <ProjectPage/>
                            </RequireAccess>
                        }
                    />
                    <Route
                        path=path!("/projects/:id/:tab")
                        view=|| view! {
                            <RequireAccess allowed=access::may_read_projects>
                                <ProjectPage/>
                            </RequireAccess>
                        }
                    />
                    <Route
                        path=path!("/orders/:id/print")
                        view=|| view! {
                            <RequireAccess allowed=access::may_read_projects>
                                <OrderPrintPage/>
                            </RequireAccess>
                        }
                    />
                    <Route
                        path=path!("/ranking")
                        view=|| view! {
                            <RequireAccess allowed=access::may_read_ranking>
                                <RankingPage/>
                            </RequireAccess>
                        }
                    />
                    <Route
                        path=path!("/approvals")
                        view=|| view! {
                            <RequireAccess allowed=access::may_see_approvals>
                                <ApprovalsPage/>
                            </RequireAccess>
                        }
                    />
                    <Route
                        path=path!("/board")
                        view=|| view! {
                            <RequireAccess allowed=access::may_use_board>
                                <BoardPage/>
                            </RequireAccess>
                        }
                    />
                    <Route
                        path=path!("/registry")
                        view=|| view! {
                            <RequireAccess allowed=access::may_read_registry>
                                <RegistryPage/>
                            </RequireAccess>
                        }
                    />
                    // Every signed-in user reads the catalogue.
                    <Route path=path!("/catalogue") view=CataloguePage/>
                    <Route
                        path=path!("/requests")
                        view=|| view! {
                            <RequireAccess allowed=access::may_use_requests>
                                <RequestsPage/>
                            </RequireAccess>
                        }
                    />
                    // A published resource is open to every signed-in user: the server decides.
                    <Route path=path!("/resources/:id") view=ResourcePage/>
                    <Route
                        path=path!("/audit")
                        view=|| view! {
                            <RequireAccess allowed=access::may_read_audit>
                                <AuditPage/>
                            </RequireAccess>
                        }
                    />
                    <Route
                        path=path!("/organisations")
                        view=|| view! {
                            <RequireAccess allowed=access::may_browse_organisations>
                                <OrganisationsPage/>
                            </RequireAccess>
                        }
                    />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The signed-in user, shared through the context. It mirrors the stored session (see
/// [`session::on_change`]), so a refused token refresh anywhere signs the user out here.
#[derive(Debug, Clone, Copy)]
pub struct Auth {
    me: RwSignal<Option<Me>>,
    signed_out_by_user: RwSignal<bool>,
    i18n: I18n,
}

impl Auth {
    /// Restores the stored session, confirms it with `GET /api/me` and provides the context.
    fn provide(i18n: I18n) -> Self {
        let auth = Self {
            me: RwSignal::new(session::load().map(|stored| stored.me)),
            signed_out_by_user: RwSignal::new(false),
            i18n,
        };
        session::on_change(move |me| auth.me.set(me));
        if auth.me.with_untracked(Option::is_some) {
            // A refused session clears itself inside the call; a network error keeps it.
            spawn_local(async move {
                if let Ok(me) = api::me::get_me().await {
                    session::store_me(&me);
                    auth.sync_locale(&me);
                }
            });
        }
        provide_context(auth);
        auth
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

    /// Keeps the tokens and the user of a successful sign-in.
    pub fn sign_in(self, pair: &TokenPair) {
        self.signed_out_by_user.set(false);
        session::store_pair(pair);
        self.sync_locale(&pair.user);
    }

    /// Revokes the refresh token on the server and forgets the session here.
    pub async fn sign_out(self) {
        self.signed_out_by_user.set(true);
        if let Some(stored) = session::load() {
            // Signing out locally must not depend on the server being reachable.
            let _ = api::auth::logout(stored.refresh_token).await;
        }
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
