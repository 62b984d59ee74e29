//! `/events/:id/results`: a fair's stands ranked by the published formula.

use crate::api::{self, ApiError};
use crate::i18n::use_i18n;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::loading::Loading;
use crate::ui::pager::Pager;
use leptos::Params;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use openapi::EventId;
use openapi::fairs::FairResults;

/// The path of a fair's results.
#[derive(Debug, Clone, PartialEq, Params)]
struct ResultsParams {
    /// The fair's id.
    id: Option<i64>,
}

/// «Итоги ярмарки»: the rule and the formula in words with the fair's numbers (C, m, the
/// numbers of ratings and of organisation votes), then one page of the stands by place
/// with their sums of votes, raters, rating organisations and scores.
#[component]
pub fn FairResultsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params::<ResultsParams>();
    let id = Memo::new(move |_| params.with(|params| params.as_ref().ok().and_then(|params| params.id)));
    let page = RwSignal::new(1_u32);
    let results = LocalResource::new(move || {
        let (id, page) = (id.get(), page.get());
        async move {
            match id {
                Some(id) => api::events::results(EventId(id), page).await,
                None => Err(ApiError::not_found()),
            }
        }
    });
    let body = move || match results.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
        Some(Ok(results)) => view! { <Ranking results=results page=page/> }.into_any(),
    };
    view! {
        <section class="page" data-testid="fair-results-page">
            <h1>{move || i18n.t().events.results}</h1>
            <p>
                <A href=move || format!("/events/{}", id.get().unwrap_or_default())>{move || i18n.t().events.stands}</A>
            </p>
            {body}
        </section>
    }
}

/// The formula and one page of the ranked stands.
#[component]
fn Ranking(
    /// The results.
    results: FairResults,
    /// The page shown.
    page: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let mean = results
        .fair_mean
        .map_or_else(|| "—".to_owned(), |mean| format!("{mean:.2}"));
    let final_ = results.is_final;
    let page_count = results.stands.page_count();
    let rows = results
        .stands
        .items
        .into_iter()
        .map(|placed| {
            let score = placed
                .score
                .map_or_else(|| "—".to_owned(), |score| format!("{score:.2}"));
            view! {
                <tr data-testid="result-row">
                    <td data-testid="result-rank">{placed.rank}</td>
                    <td data-testid="result-stand">{placed.stand.title.clone()}</td>
                    <td>{placed.stand.org_name.clone()}</td>
                    <td>{format!("{:.2}", placed.sum)}</td>
                    <td data-testid="result-organisations">{placed.stand.organisations}</td>
                    <td data-testid="result-raters">{placed.stand.ratings}</td>
                    <td data-testid="result-score">{score}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <article class="card" data-testid="fair-formula">
            <h2>{move || i18n.t().events.formula_heading}</h2>
            <p>{move || i18n.t().events.formula}</p>
            <p data-testid="formula-numbers">
                {move || {
                    let t = i18n.t();
                    format!(
                        "C = {} · m = {} · {}: {} ({} {})",
                        results.prior_weight,
                        mean,
                        t.events.fair_ratings,
                        results.ratings,
                        results.votes,
                        t.events.fair_votes,
                    )
                }}
            </p>
            <p class="muted">
                {move || if final_ { i18n.t().events.results_final } else { i18n.t().events.results_live }}
            </p>
        </article>
        <table class="table" data-testid="fair-results">
            <thead>
                <tr>
                    <th>{move || i18n.t().events.rank}</th>
                    <th>{move || i18n.t().events.stand_title}</th>
                    <th>{move || i18n.t().events.organisation}</th>
                    <th>{move || i18n.t().events.sum}</th>
                    <th>{move || i18n.t().events.rating_organisations}</th>
                    <th>{move || i18n.t().events.raters}</th>
                    <th>{move || i18n.t().events.score}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {(page_count > 1).then(|| view! { <Pager page=page page_count=page_count/> })}
    }
}
