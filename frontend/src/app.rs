//! The application root: the language and session contexts and the routes. Nothing
//! imports this module but the crate root.

use crate::auth::Auth;
use crate::i18n::I18n;
use crate::pages::{home::HomePage, login::LoginPage, not_found::NotFoundPage};
use crate::routes::{
    ApprovalsRoute, AuditRoute, BoardRoute, CatalogueRoute, ConsultationsRoute, DisseminationRoute, FeedbackRoute,
    OrderPrintRoute, OrganisationsRoute, ProfileRoute, ProjectRoute, ProjectsRoute, RankingRoute, RegistryRoute,
    RequestsRoute, ResourceRoute, UsersRoute,
};
use crate::routes::{CertificateRoute, CohortRoute, TrainingRoute, VerifyRoute};
use crate::routes::{EventRoute, EventsRoute, FairResultsRoute};
use crate::shell::layout::Shell;
use crate::shell::require_access::RequireAccess;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, path};

/// The application: every page of the platform behind one router; the pages but
/// sign-in, home and «not found» load lazily (see [`crate::routes`]).
#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    Auth::provide(i18n);
    crate::ui::stale_notice::StaleNotice::provide();
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
                    <Route path=path!("/") view=|| view! { <RequireAccess allowed=|_| true><HomePage/></RequireAccess> }/>
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
