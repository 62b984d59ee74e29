//! `/board`: the lifecycle board of a school: its resources in five columns, one per
//! stage, with a search over all of them.

use crate::access;
use crate::auth::use_auth;
use crate::features::lifecycle::board_column::BoardColumn;
use crate::i18n::use_i18n;
use crate::ui::option_select::{OptionSelect, organisations};
use crate::ui::search_filters::SearchFilters;
use leptos::prelude::*;
use openapi::organisations::OrganisationKind;
use openapi::resources::Stage;

/// The board of the user's school, or for the committee of the school it chooses (a hint
/// until then). A new search or school rebuilds the columns, each from its first page.
#[component]
pub fn BoardPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let every_school = auth.with_me_untracked(access::reads_every_school).unwrap_or(false);
    let own_school = auth.with_me_untracked(|me| me.organisation.id);
    let school = RwSignal::new(if every_school { None } else { own_school });
    let query = RwSignal::new(None::<String>);
    // The search form sets it back to 1; the columns page on their own.
    let page = RwSignal::new(1_u32);

    let school_filter = every_school.then(|| {
        let schools = organisations(Some(OrganisationKind::School));
        let options = Signal::derive(move || {
            schools
                .get()
                .into_iter()
                .map(|org| (org.id, org.short_name))
                .collect::<Vec<_>>()
        });
        view! {
            <OptionSelect
                id="board-school"
                label=|t| t.board.school
                none=|t| t.board.choose_school
                options=options
                value=school
            />
        }
    });
    let columns = move || {
        let query = query.get();
        school.get().map(|org| {
            Stage::ALL
                .iter()
                .map(|&stage| view! { <BoardColumn stage=stage org=org query=query.clone()/> })
                .collect_view()
        })
    };

    view! {
        <section class="page" data-testid="board-page">
            <div class="page-head">
                <h1>{move || i18n.t().board.heading}</h1>
            </div>
            <SearchFilters
                id="board-search"
                placeholder=|t| t.board.search_hint
                query=query
                page=page
                testid="board-filters"
                submit_testid="board-search-submit"
            >
                {school_filter}
            </SearchFilters>
            <Show
                when=move || school.with(Option::is_some)
                fallback=move || {
                    view! { <p class="empty" data-testid="board-pick-school">{move || i18n.t().board.pick_school}</p> }
                }
            >
                <div class="board" data-testid="board">{columns}</div>
            </Show>
        </section>
    }
}
