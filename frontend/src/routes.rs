//! The lazily loaded routes: each page behind the signed-in layout but the home page.
//!
//! A route's view is a split point (`#[lazy_route]`): the build moves the page's code,
//! and what only it uses, out of the main module into a chunk that the browser fetches
//! the first time the route is opened. What the first download holds is the shell, the
//! sign-in and home pages, the reactive core and the API client.

use crate::access;
use crate::components::require_access::RequireAccess;
use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};
use openapi::users::Me;

/// Declares lazily loaded routes, each showing its page — behind its access rule when
/// `allowed` names one.
macro_rules! lazy_pages {
    ($($(#[$doc:meta])* $route:ident => $page:path $(, allowed = $allowed:path)?;)*) => {$(
        $(#[$doc])*
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                use $page as Page;
                let allowed: Option<fn(&Me) -> bool> = None $(.or(Some($allowed)))?;
                page_view(allowed, || view! { <Page/> }.into_any())
            }
        }
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

lazy_pages! {
    /// The public feedback page behind a signed link (`/feedback/:token`).
    FeedbackRoute => crate::pages::feedback::FeedbackPage;
    /// The signed-in user's profile.
    ProfileRoute => crate::pages::profile::ProfilePage;
    /// The accounts of the school (its administrator).
    UsersRoute => crate::pages::users::UsersPage, allowed = access::may_manage_users;
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
    /// The committee's registry.
    RegistryRoute => crate::pages::registry::RegistryPage, allowed = access::may_read_registry;
    /// The catalogue, read by every signed-in user.
    CatalogueRoute => crate::pages::catalogue::CataloguePage;
    /// The request inbox and «my requests».
    RequestsRoute => crate::pages::requests::RequestsPage, allowed = access::may_use_requests;
    /// A resource: open to every signed-in user, the server decides.
    ResourceRoute => crate::pages::resource::ResourcePage;
    /// The change log.
    AuditRoute => crate::pages::audit::AuditPage, allowed = access::may_read_audit;
    /// The organisations of the municipality.
    OrganisationsRoute => crate::pages::organisations::OrganisationsPage, allowed = access::may_browse_organisations;
}
