//! The lazily loaded routes: each page behind the signed-in layout but the home page.
//!
//! Pages are split off in a few groups, each one split point (`#[lazy]`): the build moves
//! a group's pages, and what only they use, out of the main module into chunks that the
//! browser fetches the first time one of the group's routes is opened. What the first
//! download holds is the shell, the sign-in and home pages, the reactive core and the API
//! client. A split point per page would make the splitter cut the shared code into a chunk
//! per combination of pages using it (hundreds): a cold deep link would fetch dozens of
//! small files over a browser's six connections, slower than the app in one piece. A
//! group holds the pages one kind of user opens together.

use crate::access;
use crate::api;
use crate::shell::require_access::RequireAccess;
use leptos::prelude::*;
use leptos_router::LazyRoute;
use openapi::users::Me;
use openapi::{CohortId, EventId, ProjectId, ResourceId};

/// Declares groups of lazily loaded routes. Per group: an enum of its routes, one
/// split function showing the route's page (for `Anyone`, or behind the sign-in and the
/// access rule `allowed` names for `SignedIn`), and per route a [`LazyRoute`] whose
/// `data` starts what the page reads first (`data` names it) while `view` awaits the
/// group's chunk.
macro_rules! lazy_groups {
    ($(
        $(#[$group_doc:meta])* $group:ident in $split:ident for $who:ident {
            $($(#[$doc:meta])* $route:ident => $page:path $(, allowed = $allowed:path)? $(, data = $data:path)?;)*
        }
    )*) => {$(
        $(#[$group_doc])*
        #[derive(Clone, Copy)]
        #[allow(clippy::enum_variant_names, reason = "the variants are the routes' names")]
        enum $group {
            $($route,)*
        }

        $(#[$group_doc])*
        #[leptos::lazy]
        fn $split(route: $group) -> AnyView {
            match route {
                $($group::$route => {
                    use $page as Page;
                    let allowed: Option<fn(&Me) -> bool> = None $(.or(Some($allowed)))?;
                    page_view(Who::$who, allowed, || view! { <Page/> }.into_any())
                })*
            }
        }

        $(
            $(#[$doc])*
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $($data();)?
                    Self
                }

                async fn view(_this: Self) -> AnyView {
                    $split($group::$route).await
                }
            }
        )*
    )*};
}

/// Who a group's pages are for.
#[derive(Clone, Copy)]
enum Who {
    /// Anyone, signed in or not (the pages behind signed links).
    Anyone,
    /// The signed-in users the page's rule lets in.
    SignedIn,
}

/// `page` for anyone, or, behind the sign-in, for the users `allowed` lets in (every
/// signed-in user without a rule) and «Недостаточно прав» for the others. While an earlier
/// session is being restored the page waits (its chunk and first data already on the
/// way), so that it is made once, for the user it is for.
fn page_view(who: Who, allowed: Option<fn(&Me) -> bool>, page: fn() -> AnyView) -> AnyView {
    match who {
        Who::Anyone => page(),
        Who::SignedIn => {
            let allowed = allowed.unwrap_or(|_| true);
            view! { <RequireAccess allowed=allowed>{page()}</RequireAccess> }.into_any()
        }
    }
}

/// The project's record, asked for while the project's page downloads.
fn project_data() {
    record_data("/projects/", |id| api::projects::prefetch_project(ProjectId(id)));
}

/// The resource's record, asked for while its page downloads.
fn resource_data() {
    record_data("/resources/", |id| api::resources::prefetch_resource(ResourceId(id)));
}

/// The event's record, asked for while its page downloads.
fn event_data() {
    record_data("/events/", |id| api::events::prefetch_event(EventId(id)));
}

/// The cohort's record, asked for while its page downloads.
fn cohort_data() {
    record_data("/cohorts/", |id| api::cohorts::prefetch_cohort(CohortId(id)));
}

/// Runs `prefetch` with the id that follows `prefix` in the page's address
/// (`/projects/17/plan` → 17), when there is one.
fn record_data(prefix: &str, prefetch: fn(i64)) {
    let path = web_sys::window().and_then(|window| window.location().pathname().ok());
    if let Some(id) = path.as_deref().and_then(|path| id_after(path, prefix)) {
        prefetch(id);
    }
}

/// The id that follows `prefix` in `path`, up to the next `/`.
fn id_after(path: &str, prefix: &str) -> Option<i64> {
    path.strip_prefix(prefix)?.split('/').next()?.parse().ok()
}

lazy_groups! {
    /// Anyone with a signed link: the public feedback page (`/feedback/:token`).
    Public in public_pages for Anyone {
        /// The public feedback page behind a signed link.
        FeedbackRoute => crate::pages::feedback::FeedbackPage;
        /// The public check of a certificate by its number.
        VerifyRoute => crate::pages::verify::VerifyPage;
    }
    /// A school's innovation work: projects, orders, the board, approvals and ranking.
    SchoolWork in school_work_pages for SignedIn {
        /// The list of projects.
        ProjectsRoute => crate::pages::projects::ProjectsPage, allowed = access::may_read_projects;
        /// One project with its tabs.
        ProjectRoute => crate::pages::project::ProjectPage, allowed = access::may_read_projects, data = project_data;
        /// An order's print view.
        OrderPrintRoute => crate::pages::order_print::OrderPrintPage, allowed = access::may_read_projects;
        /// The ranking of the school year's problems.
        RankingRoute => crate::pages::ranking::RankingPage, allowed = access::may_read_ranking;
        /// What waits for the director's or the council's decision.
        ApprovalsRoute => crate::pages::approvals::ApprovalsPage, allowed = access::may_see_approvals;
        /// The lifecycle board of a school.
        BoardRoute => crate::pages::board::BoardPage, allowed = access::may_use_board;
        /// A school's dissemination figures for a school year.
        DisseminationRoute => crate::pages::dissemination::DisseminationPage, allowed = access::may_read_projects;
    }
    /// The resources every school offers and asks for: catalogue, a resource, requests.
    Resources in resource_pages for SignedIn {
        /// The catalogue, read by every signed-in user.
        CatalogueRoute => crate::pages::catalogue::CataloguePage;
        /// A resource: open to every signed-in user, the server decides.
        ResourceRoute => crate::pages::resource::ResourcePage, data = resource_data;
        /// The request inbox and «my requests».
        RequestsRoute => crate::pages::requests::RequestsPage, allowed = access::may_use_requests;
        /// A cohort of a training programme: enrolment, attendance, completion.
        CohortRoute => crate::pages::cohort::CohortPage, data = cohort_data;
        /// A certificate's print view: the server decides who reads it.
        CertificateRoute => crate::pages::certificate::CertificatePage;
        /// «Моё обучение»: the user's enrolments and hours, the school's teachers' hours.
        TrainingRoute => crate::pages::training::TrainingPage, allowed = access::may_train;
        /// Consultations asked for, scheduled, held and rated.
        ConsultationsRoute => crate::pages::consultations::ConsultationsPage, allowed = access::may_use_consultations;
    }
    /// The committee's view of the municipality: registry, organisations, change log.
    Committee in committee_pages for SignedIn {
        /// The committee's registry.
        RegistryRoute => crate::pages::registry::RegistryPage, allowed = access::may_read_registry;
        /// The organisations of the municipality.
        OrganisationsRoute => crate::pages::organisations::OrganisationsPage, allowed = access::may_browse_organisations;
        /// The change log.
        AuditRoute => crate::pages::audit::AuditPage, allowed = access::may_read_audit;
    }
    /// Accounts: one's own profile and the school's users.
    Accounts in account_pages for SignedIn {
        /// The signed-in user's profile.
        ProfileRoute => crate::pages::profile::ProfilePage;
        /// The accounts of the school (its administrator).
        UsersRoute => crate::pages::users::UsersPage, allowed = access::may_manage_users;
    }
    /// Events: the calendar, an event, a fair's results; every signed-in user.
    Events in event_pages for SignedIn {
        /// The calendar and a school's history.
        EventsRoute => crate::pages::events::EventsPage;
        /// One event.
        EventRoute => crate::pages::event::EventPage, data = event_data;
        /// A fair's results.
        FairResultsRoute => crate::pages::fair_results::FairResultsPage;
    }
}

#[cfg(test)]
mod tests {
    use super::id_after;

    #[test]
    fn a_record_s_id_is_read_from_its_page_s_address() {
        assert_eq!(id_after("/projects/17", "/projects/"), Some(17));
        assert_eq!(id_after("/projects/17/plan", "/projects/"), Some(17));
        for path in ["/projects", "/projects/", "/projects/x", "/resources/17"] {
            assert_eq!(id_after(path, "/projects/"), None, "{path}");
        }
    }
}
