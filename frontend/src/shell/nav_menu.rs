//! The main navigation of the signed-in pages.

use crate::access;
use crate::auth::use_auth;
use crate::i18n::{Pick, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;

/// Links to the pages the user's roles may open; the current one is marked
/// `aria-current="page"`.
#[component]
pub fn NavMenu() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let organisations = Memo::new(move |_| auth.with_me(access::may_browse_organisations).unwrap_or(false));
    let users = Memo::new(move |_| auth.with_me(access::may_manage_users).unwrap_or(false));
    let projects = Memo::new(move |_| auth.with_me(access::may_read_projects).unwrap_or(false));
    let board = Memo::new(move |_| auth.with_me(access::may_use_board).unwrap_or(false));
    let requests = Memo::new(move |_| auth.with_me(access::may_use_requests).unwrap_or(false));
    let registry = Memo::new(move |_| auth.with_me(access::may_read_registry).unwrap_or(false));
    let ranking = Memo::new(move |_| auth.with_me(access::may_read_ranking).unwrap_or(false));
    let approvals = Memo::new(move |_| auth.with_me(access::may_see_approvals).unwrap_or(false));
    let audit = Memo::new(move |_| auth.with_me(access::may_read_audit).unwrap_or(false));
    let consultations = Memo::new(move |_| auth.with_me(access::may_use_consultations).unwrap_or(false));
    let training = Memo::new(move |_| auth.with_me(access::may_train).unwrap_or(false));
    let link = move |href: &'static str, testid: &'static str, label: Pick| {
        view! {
            <li>
                <A href=href exact=href == "/" {..} data-testid=testid>
                    {move || label(i18n.t())}
                </A>
            </li>
        }
    };

    view! {
        <nav class="sidenav" aria-label=move || i18n.t().nav_label data-testid="nav">
            <ul>
                {link("/", "nav-home", |t| t.nav_home)}
                <Show when=move || projects.get()>{link("/projects", "nav-projects", |t| t.nav_projects)}</Show>
                <Show when=move || ranking.get()>{link("/ranking", "nav-ranking", |t| t.launch.ranking_heading)}</Show>
                <Show when=move || approvals.get()>
                    {link("/approvals", "nav-approvals", |t| t.launch.approvals_heading)}
                </Show>
                <Show when=move || board.get()>{link("/board", "nav-board", |t| t.board.heading)}</Show>
                {link("/catalogue", "nav-catalogue", |t| t.catalogue.heading)}
                {link("/events", "nav-events", |t| t.events.heading)}
                <Show when=move || requests.get()>{link("/requests", "nav-requests", |t| t.requests.heading)}</Show>
                <Show when=move || consultations.get()>
                    {link("/consultations", "nav-consultations", |t| t.consultations.heading)}
                </Show>
                <Show when=move || training.get()>
                    {link("/training", "nav-training", |t| t.cohorts.my_training)}
                </Show>
                <Show when=move || registry.get()>{link("/registry", "nav-registry", |t| t.registry.heading)}</Show>
                <Show when=move || projects.get()>
                    {link("/dissemination", "nav-dissemination", |t| t.dissemination.heading)}
                </Show>
                <Show when=move || organisations.get()>
                    {link("/organisations", "nav-organisations", |t| t.nav_organisations)}
                </Show>
                <Show when=move || users.get()>{link("/users", "nav-users", |t| t.nav_users)}</Show>
                <Show when=move || audit.get()>{link("/audit", "nav-audit", |t| t.nav_audit)}</Show>
                {link("/profile", "nav-profile", |t| t.nav_profile)}
            </ul>
        </nav>
    }
}
