//! `/ranking`: the ranking of a school's problems for a school year.

use crate::access;
use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::features::launch::ranking_round::RankingRound;
use crate::i18n::{self, use_i18n};
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::loading::Loading;
use crate::ui::option_select::{OptionSelect, organisations};
use leptos::prelude::*;
use openapi::organisations::OrganisationKind;
use openapi::ranking::{Ranking, RoundInput};

/// How many school years back and ahead are offered.
const YEARS: i32 = 5;
/// How many school years ahead a round may be opened.
const FAR: i32 = 60;

/// The school year's round (or «Открыть ранжирование» for the council and administration),
/// its criteria (editable before any score), problems with the council's scores, the
/// result table, the method, and «Зафиксировать ранжирование» for the director.
#[component]
pub fn RankingPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let every_school = auth.with_me_untracked(access::reads_every_school).unwrap_or(false);
    let own = auth.with_me_untracked(|me| me.organisation.id);
    let school = RwSignal::new(if every_school { None } else { own });
    let year = RwSignal::new(Some(i18n::current_school_year()));
    let may_edit = auth.with_me_untracked(access::may_edit_ranking).unwrap_or(false);
    let years = Signal::derive(move || {
        let now = i18n::current_school_year();
        (now - YEARS..=now + FAR)
            .rev()
            .map(|y| (y, i18n::school_year(y)))
            .collect::<Vec<_>>()
    });
    let ranking = LocalResource::new(move || {
        let (org, year) = (school.get(), year.get());
        async move {
            let (Some(org), Some(year)) = (org, year) else {
                return Ok(None);
            };
            let rounds = api::ranking::list_rounds(Some(org), Some(year)).await?;
            match rounds.first() {
                Some(round) => api::ranking::get_ranking(round.id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let shown = RwSignal::new(None::<Ranking>);
    Effect::new(move |_| {
        if let Some(Ok(found)) = ranking.get() {
            shown.set(found);
        }
    });
    let open = Action::new_local(move |(): &()| async move {
        let input = RoundInput {
            school_year: year.get_untracked().unwrap_or_else(i18n::current_school_year),
            criteria: None,
        };
        let opened = api::ranking::open_round(&input).await?;
        let ranking = api::ranking::get_ranking(opened.id).await?;
        shown.set(Some(ranking));
        Ok::<_, ApiError>(())
    });
    let school_filter = every_school.then(|| {
        let schools = organisations(Some(OrganisationKind::School));
        let options = Signal::derive(move || schools.get().into_iter().map(|o| (o.id, o.short_name)).collect::<Vec<_>>());
        view! {
            <OptionSelect id="ranking-school" label=|t| t.board.school none=|t| t.board.choose_school options=options value=school/>
        }
    });
    let body = move || {
        if school.with(Option::is_none) {
            return view! { <p class="empty">{move || i18n.t().board.pick_school}</p> }.into_any();
        }
        match ranking.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(error)) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
            Some(Ok(_)) => match shown.get() {
                Some(ranking) => view! { <RankingRound ranking=ranking shown=shown/> }.into_any(),
                None => view! {
                    <div class="card" data-testid="no-round">
                        <p>{move || i18n.t().launch.no_round}</p>
                        <Show when=move || may_edit>
                            <button
                                type="button"
                                class="button button-primary"
                                data-testid="open-round"
                                disabled=move || open.pending().get()
                                on:click=move |_| { open.dispatch(()); }
                            >
                                {move || i18n.t().launch.open_round}
                            </button>
                        </Show>
                        <ErrorAlert error=failure(open)/>
                    </div>
                }
                .into_any(),
            },
        }
    };
    view! {
        <section class="page" data-testid="ranking-page">
            <div class="page-head">
                <h1>{move || i18n.t().launch.ranking_heading}</h1>
            </div>
            <div class="filters">
                {school_filter}
                <OptionSelect id="ranking-year" label=|t| t.launch.school_year options=years value=year/>
            </div>
            {body}
            <section class="card method" data-testid="ranking-method">
                <h2>{move || i18n.t().launch.method_heading}</h2>
                <p>{move || i18n.t().launch.method}</p>
            </section>
        </section>
    }
}
