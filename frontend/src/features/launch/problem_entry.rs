//! A problem of a ranking round with the signed-in council member's scores.

use crate::api::{self, ApiError};
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::server_message;
use crate::ui::form_actions::FormActions;
use crate::ui::stale_notice::StaleNotice;
use crate::ui::text_field::{TextField, trimmed};
use crate::ui::textarea_field::TextAreaField;
use leptos::prelude::*;
use openapi::ranking::{RankedProblem, Ranking, SchoolProblemInput, ScoreInput};

/// A problem with its text, edit and delete for the council and administration, and the
/// signed-in council member's scores (1–5 per criterion).
#[component]
pub fn ProblemEntry(
    ranked: RankedProblem,
    criteria: Vec<String>,
    me: Option<openapi::UserId>,
    may_edit: bool,
    scorer: bool,
    shown: RwSignal<Option<Ranking>>,
    deleting: RwSignal<Option<(i64, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let problem = ranked.problem.clone();
    let id = problem.id;
    let version = problem.version;
    let round = problem.round_id;
    let notice = StaleNotice::get();
    let editing = RwSignal::new(false);
    let title = RwSignal::new(problem.title.clone());
    let description = RwSignal::new(problem.description.clone());
    let evidence = RwSignal::new(problem.evidence.clone());
    let update = Action::new_local(move |input: &SchoolProblemInput| {
        let input = input.clone();
        async move {
            let saved = api::ranking::update_problem(id, version, &input).await;
            if let Err(error) = &saved
                && !notice.raise_if_stale(error)
            {
                return Err(error.clone());
            }
            // Saved, or changed by someone else: the ranking is shown as it is now.
            let ranking = api::ranking::get_ranking(round).await?;
            editing.set(false);
            shown.set(Some(ranking));
            Ok::<_, ApiError>(())
        }
    });
    let update_error = failure(update);
    let mine = ranked
        .members
        .iter()
        .find(|m| Some(m.member_id) == me)
        .map(|m| m.scores.clone());
    let scores: Vec<RwSignal<u8>> = (0..criteria.len())
        .map(|n| RwSignal::new(mine.as_ref().and_then(|s| s.get(n).copied()).unwrap_or(0)))
        .collect();
    let score_values = scores.clone();
    let save_scores = Action::new_local(move |(): &()| {
        let input = ScoreInput {
            scores: score_values.iter().map(|s| s.get_untracked()).collect(),
        };
        async move {
            let ranking = api::ranking::score(id, &input).await?;
            shown.set(Some(ranking));
            Ok::<_, ApiError>(())
        }
    });
    let score_form = scorer.then(|| {
        let selects = criteria
            .iter()
            .zip(scores)
            .enumerate()
            .map(|(n, (criterion, value))| {
                let select_id = format!("score-{id}-{n}");
                view! {
                    <div class="field">
                        <label for=select_id.clone()>{criterion.clone()}</label>
                        <select id=select_id data-testid="score-select" on:change=move |event| {
                            value.set(event_target_value(&event).parse().unwrap_or(0));
                        }>
                            <option value="0" selected=move || value.get() == 0>"—"</option>
                            {(1..=5u8).map(|s| view! { <option value=s.to_string() selected=move || value.get() == s>{s}</option> }).collect_view()}
                        </select>
                    </div>
                }
            })
            .collect_view();
        view! {
            <form class="score-row" data-testid="score-form" novalidate on:submit=move |event| {
                event.prevent_default();
                save_scores.dispatch(());
            }>
                <p class="lead">{move || i18n.t().launch.your_scores}</p>
                <div class="form-grid form-grid-fill">{selects}</div>
                <div class="form-actions">
                    <button type="submit" class="button" data-testid="save-scores" disabled=move || save_scores.pending().get()>
                        {move || i18n.t().launch.save_scores}
                    </button>
                </div>
                <ErrorAlert error=failure(save_scores)/>
            </form>
        }
    });
    let subject = problem.title.clone();
    view! {
        <article class="card block" data-testid="problem" data-problem-id=id.to_string()>
            <Show
                when=move || editing.get()
                fallback={
                    let problem = problem.clone();
                    move || view! {
                        <h4 data-testid="problem-title-text">{problem.title.clone()}</h4>
                        <p class="prose">{problem.description.clone()}</p>
                        <p class="muted prose">{problem.evidence.clone()}</p>
                    }
                }
            >
                <form class="form" data-testid="problem-edit-form" novalidate on:submit=move |event| {
                    event.prevent_default();
                    update.dispatch(SchoolProblemInput { title: trimmed(title), description: trimmed(description), evidence: trimmed(evidence) });
                }>
                    <h4>{move || i18n.t().launch.problem_edit}</h4>
                    <TextField id=format!("problem-{id}-title") label=|t| t.launch.problem_title autocomplete="off" testid=false value=title error=server_message(update_error, "title")/>
                    <TextAreaField id="problem-edit-description" label=|t| t.launch.problem_description value=description error=server_message(update_error, "description")/>
                    <TextAreaField id="problem-edit-evidence" label=|t| t.launch.problem_evidence value=evidence error=server_message(update_error, "evidence")/>
                    <ErrorAlert error=update_error/>
                    <FormActions submit=|t| t.save pending=update.pending() on_cancel=Callback::new(move |()| editing.set(false))/>
                </form>
            </Show>
            <Show when=move || may_edit && !editing.get()>
                <div class="form-actions">
                    <button type="button" class="button button-small" data-testid="edit-problem" on:click=move |_| editing.set(true)>
                        {move || i18n.t().edit}
                    </button>
                    <button type="button" class="button button-small button-danger" data-testid="delete-problem"
                        on:click={
                            let subject = subject.clone();
                            move |_| deleting.set(Some((id, subject.clone())))
                        }>
                        {move || i18n.t().launch.delete}
                    </button>
                </div>
            </Show>
            {score_form}
        </article>
    }
}
