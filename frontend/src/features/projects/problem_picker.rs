//! Choosing the problems of the school's rankings that a project answers.

use crate::api::{self, ApiError};
use crate::i18n::{self, use_i18n};
use crate::ui::error_alert::ErrorAlert;
use crate::ui::field_error::{FieldError, server_message};
use crate::ui::loading::Loading;
use leptos::prelude::*;
use openapi::OrganisationId;
use openapi::projects::CitedProblem;

/// The problems of every ranking round of the school `org`, by school year and rank, as
/// checkboxes; each tells its year and whether its ranking is frozen.
#[component]
pub fn ProblemPicker(
    /// The school.
    org: OrganisationId,
    /// The ids of the chosen problems.
    chosen: RwSignal<Vec<i64>>,
    /// The problems cited already (shown even if their round cannot be read).
    cited: Vec<CitedProblem>,
    /// The last failed save.
    #[prop(into)]
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let problems = LocalResource::new(move || async move {
        let rounds = api::ranking::list_rounds(Some(org), None).await?;
        let mut listed: Vec<CitedProblem> = Vec::new();
        for round in rounds {
            let ranking = api::ranking::get_ranking(round.id).await?;
            let frozen = ranking.round.frozen_at.is_some();
            listed.extend(ranking.problems.into_iter().map(|ranked| CitedProblem {
                id: ranked.problem.id,
                title: match ranked.rank {
                    Some(rank) => format!("{rank}. {}", ranked.problem.title),
                    None => ranked.problem.title,
                },
                school_year: ranked.problem.school_year,
                ranking_frozen: frozen,
            }));
        }
        Ok::<_, ApiError>(listed)
    });
    // The rankings could not be read: say so rather than offer nothing to cite.
    let load_error = Signal::derive(move || problems.get().and_then(Result::err));
    let options = move || {
        let loaded = problems.get();
        if loaded.is_none() && cited.is_empty() {
            return view! { <Loading/> }.into_any();
        }
        let mut listed = loaded.and_then(Result::ok).unwrap_or_default();
        for problem in &cited {
            if !listed.iter().any(|other| other.id == problem.id) {
                listed.push(problem.clone());
            }
        }
        if listed.is_empty() && load_error.with(Option::is_some) {
            return ().into_any();
        }
        if listed.is_empty() {
            return view! { <p class="muted">{move || i18n.t().launch.no_problems_to_cite}</p> }.into_any();
        }
        listed
            .into_iter()
            .map(|problem| {
                let id = problem.id;
                let frozen = problem.ranking_frozen;
                view! {
                    <label class="check check-block" data-testid="problem-choice" data-problem-id=id.to_string()>
                        <input
                            type="checkbox"
                            prop:checked=move || chosen.with(|chosen| chosen.contains(&id))
                            on:change=move |event| {
                                let on = event_target_checked(&event);
                                chosen.update(|chosen| {
                                    chosen.retain(|other| *other != id);
                                    if on {
                                        chosen.push(id);
                                    }
                                });
                            }
                        />
                        <span>
                            {problem.title} " "
                            <span class="muted">
                                "(" {i18n::school_year(problem.school_year)} ", "
                                {move || if frozen { i18n.t().launch.ranking_frozen } else { i18n.t().launch.ranking_open }}
                                ")"
                            </span>
                        </span>
                    </label>
                }
            })
            .collect_view()
            .into_any()
    };

    view! {
        <fieldset class="checks checks-column" data-testid="problem-picker">
            <legend>{move || i18n.t().launch.cited_problems}</legend>
            <p class="hint">{move || i18n.t().launch.cited_hint}</p>
            {options}
            <ErrorAlert error=load_error testid="problem-picker-error"/>
            <FieldError id="problem-ids-error" message=server_message(error, "problem_ids")/>
        </fieldset>
    }
}
