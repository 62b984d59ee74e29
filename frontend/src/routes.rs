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
use crate::shell::require_access::RequireAccess;
use leptos::prelude::*;
use leptos_router::LazyRoute;
use openapi::users::Me;

/// Declares groups of lazily loaded routes. Per group: an enum of its routes, one
/// split function showing the route's page (behind its access rule when `allowed` names
/// one), and per route a [`LazyRoute`] whose view awaits that function.
macro_rules! lazy_groups {
    ($(
        $(#[$group_doc:meta])* $group:ident in $split:ident {
            $($(#[$doc:meta])* $route:ident => $page:path $(, allowed = $allowed:path)?;)*
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
                    page_view(allowed, || view! { <Page/> }.into_any())
                })*
            }
        }

        $(
            $(#[$doc])*
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                async fn view(_this: Self) -> AnyView {
                    $split($group::$route).await
                }
            }
        )*
    )*};
}

/// `page` for the users `allowed` lets in, «Недостаточно прав» for the others; `page`
/// for everyone without a rule.
fn page_view(allowed: Option<fn(&Me) -> bool>, page: fn() -> AnyView) -> AnyView {
    match allowed {
        Some(allowed) => view! { <RequireAccess allowed=allowed>{page()}</RequireAccess> }.into_any(),
        None => page(),
    }
}

lazy_groups! {
    /// Anyone with a signed link: the public feedback page (`/feedback/:token`).
    Public in public_pages {
        /// The public feedback page behind a signed link.
        FeedbackRoute => crate::pages::feedback::FeedbackPage;
        /// The public check of a certificate by its number.
        VerifyRoute => crate::pages::verify::VerifyPage;
    }
    /// A school's innovation work: projects, orders, the board, approvals and ranking.
    SchoolWork in school_work_pages {
        /// The list of projects.
        ProjectsRoute => crate::pages::projects::ProjectsPage, allowed = access::may_read_projects;
        /// One project with its tabs.
        ProjectRoute => crate::pages::project::ProjectPage, allowed = access::may_read_projects;
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
    Resources in resource_pages {
        /// The catalogue, read by every signed-in user.
        CatalogueRoute => crate::pages::catalogue::CataloguePage;
        /// A resource: open to every signed-in user, the server decides.
        ResourceRoute => crate::pages::resource::ResourcePage;
        /// The request inbox and «my requests».
        RequestsRoute => crate::pages::requests::RequestsPage, allowed = access::may_use_requests;
        /// A cohort of a training programme: enrolment, attendance, completion.
        CohortRoute => crate::pages::cohort::CohortPage;
        /// A certificate's print view: the server decides who reads it.
        CertificateRoute => crate::pages::certificate::CertificatePage;
        /// «Моё обучение»: the user's enrolments and hours, the school's teachers' hours.
        TrainingRoute => crate::pages::training::TrainingPage, allowed = access::may_train;
        /// Consultations asked for, scheduled, held and rated.
        ConsultationsRoute => crate::pages::consultations::ConsultationsPage, allowed = access::may_use_consultations;
    }
    /// The committee's view of the municipality: registry, organisations, change log.
    Committee in committee_pages {
        /// The committee's registry.
        RegistryRoute => crate::pages::registry::RegistryPage, allowed = access::may_read_registry;
        /// The organisations of the municipality.
        OrganisationsRoute => crate::pages::organisations::OrganisationsPage, allowed = access::may_browse_organisations;
        /// The change log.
        AuditRoute => crate::pages::audit::AuditPage, allowed = access::may_read_audit;
    }
    /// Accounts: one's own profile and the school's users.
    Accounts in account_pages {
        /// The signed-in user's profile.
        ProfileRoute => crate::pages::profile::ProfilePage;
        /// The accounts of the school (its administrator).
        UsersRoute => crate::pages::users::UsersPage, allowed = access::may_manage_users;
    }
    /// Events: the calendar, an event, a fair's results; every signed-in user.
    Events in event_pages {
        /// The calendar and a school's history.
        EventsRoute => crate::pages::events::EventsPage;
        /// One event.
        EventRoute => crate::pages::event::EventPage;
        /// A fair's results.
        FairResultsRoute => crate::pages::fair_results::FairResultsPage;
    }
}
