//! One ranking round on `/ranking`: its criteria, council, problems with scoring, the
//! result and freezing.

use crate::access;
use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::features::launch::problem_entry::ProblemEntry;
use crate::i18n::{self, use_i18n};
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::server_message;
use crate::ui::form_actions::FormActions;
use crate::ui::stale_notice::StaleNotice;
use crate::ui::text_field::{TextField, trimmed};
use crate::ui::textarea_field::TextAreaField;
use leptos::prelude::*;
use openapi::ranking::{CriteriaInput, Criterion, Ranking, SchoolProblemInput};

/// A round: criteria, council, problems with scoring, the result, freezing.
#[component]
pub fn RankingRound(ranking: Ranking, shown: RwSignal<Option<Ranking>>) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let round = ranking.round.clone();
    let org = round.org_id;
    let frozen = round.frozen_at.is_some();
    let may_edit = !frozen
        && auth
            .with_me_untracked(|me| access::may_edit_ranking(me) && me.organisation.id == org)
            .unwrap_or(false);
    let scorer = !frozen
        && auth
            .with_me_untracked(|me| access::may_score_problems(me) && me.organisation.id == org)
            .unwrap_or(false);
    let director = !frozen
        && auth
            .with_me_untracked(|me| access::is_director_of(me, org))
            .unwrap_or(false);
    let me = auth.with_me_untracked(|me| me.id);
    let round_id = round.id;
    let round_version = round.version;
    let notice = StaleNotice::get();
    let scored_any = ranking.council.iter().any(|member| member.scored > 0);
    let refresh = move || async move {
        let ranking = api::ranking::get_ranking(round_id).await?;
        shown.set(Some(ranking));
        Ok::<_, ApiError>(())
    };
    // Criteria
    let criteria = RwSignal::new(
        round
            .criteria
            .iter()
            .map(|c| (RwSignal::new(c.title.clone()), RwSignal::new(c.weight.to_string())))
            .collect::<Vec<_>>(),
    );
    let save_criteria = Action::new_local(move |(): &()| async move {
        let input = CriteriaInput {
            criteria: criteria.with_untracked(|rows| {
                rows.iter()
                    .map(|(title, weight)| Criterion {
                        title: title.get_untracked().trim().to_owned(),
                        weight: weight.get_untracked().trim().parse().unwrap_or(0),
                    })
                    .collect()
            }),
        };
        // Saved, or changed by someone else: the round is shown as it is now.
        if let Err(error) = api::ranking::set_criteria(round_id, round_version, &input).await
            && !notice.raise_if_stale(&error)
        {
            return Err(error);
        }
        refresh().await
    });
    let criteria_editable = may_edit && !scored_any;
    let criteria_view = if criteria_editable {
        view! {
            <form class="form" data-testid="criteria-form" novalidate on:submit=move |event| {
                event.prevent_default();
                save_criteria.dispatch(());
            }>
                <p class="hint">{move || i18n.t().launch.criteria_hint}</p>
                {move || criteria.get().into_iter().enumerate().map(|(n, (title, weight))| view! {
                    <div class="row-editor" data-testid="criterion-row">
                        <div class="field">
                            <label for=format!("criterion-{n}")>{move || i18n.t().launch.criterion}</label>
                            <input id=format!("criterion-{n}") type="text" bind:value=title/>
                        </div>
                        <div class="field row-editor-share">
                            <label for=format!("criterion-weight-{n}")>{move || i18n.t().launch.weight}</label>
                            <input id=format!("criterion-weight-{n}") type="number" min="1" max="10" bind:value=weight/>
                        </div>
                        <button type="button" class="button button-small row-editor-remove" on:click=move |_| criteria.update(|rows| { rows.remove(n); })>
                            {move || i18n.t().launch.remove}
                        </button>
                    </div>
                }).collect_view()}
                <div class="form-actions">
                    <button type="button" class="button button-small" data-testid="add-criterion"
                        on:click=move |_| criteria.update(|rows| rows.push((RwSignal::new(String::new()), RwSignal::new("1".to_owned()))))>
                        {move || i18n.t().launch.add_criterion}
                    </button>
                    <button type="submit" class="button" data-testid="save-criteria">{move || i18n.t().launch.save_criteria}</button>
                </div>
                <ErrorAlert error=failure(save_criteria)/>
            </form>
        }
        .into_any()
    } else {
        let list = round
            .criteria
            .iter()
            .map(|c| view! { <li>{c.title.clone()} " × " {c.weight}</li> })
            .collect_view();
        view! { <ul class="plain-list" data-testid="criteria-list">{list}</ul> }.into_any()
    };
    // Problems
    let adding = RwSignal::new(false);
    let new_title = RwSignal::new(String::new());
    let new_description = RwSignal::new(String::new());
    let new_evidence = RwSignal::new(String::new());
    let add = Action::new_local(move |input: &SchoolProblemInput| {
        let input = input.clone();
        async move {
            api::ranking::add_problem(round_id, &input).await?;
            adding.set(false);
            new_title.set(String::new());
            new_description.set(String::new());
            new_evidence.set(String::new());
            refresh().await
        }
    });
    let add_error = failure(add);
    let deleting = RwSignal::new(None::<(i64, String)>);
    let delete = Action::new_local(move |id: &i64| {
        let id = *id;
        async move {
            api::ranking::delete_problem(id).await?;
            refresh().await
        }
    });
    let freezing = RwSignal::new(false);
    let freeze = Action::new_local(move |(): &()| async move {
        api::ranking::freeze(round_id).await?;
        refresh().await
    });
    let criteria_titles = round.criteria.iter().map(|c| c.title.clone()).collect::<Vec<_>>();
    let problems = ranking
        .problems
        .iter()
        .map(|ranked| {
            view! {
                <ProblemEntry
                    ranked=ranked.clone()
                    criteria=criteria_titles.clone()
                    me=me
                    may_edit=may_edit
                    scorer=scorer
                    shown=shown
                    deleting=deleting
                />
            }
        })
        .collect_view();
    let council = ranking
        .council
        .iter()
        .map(|m| {
            let line = format!(
                "{} — {} {} / {}",
                m.name,
                i18n.t().launch.scored_of,
                m.scored,
                ranking.problems.len()
            );
            view! { <li data-testid="council-member">{line}</li> }
        })
        .collect_view();
    let result = result_table(&ranking);
    let frozen_line = round.frozen_at.map(|at| {
        view! { <p class="alert alert-info" data-testid="ranking-frozen">{move || i18n.t().launch.frozen_readonly} " (" {move || i18n.t().date(&at)} ")"</p> }
    });
    view! {
        <div data-testid="ranking-round" data-round-id=round_id.to_string() data-frozen=frozen.to_string()>
            <div class="section-head">
                <h2>
                    {i18n::school_year(round.school_year)} " "
                    <span class="badge badge-status" data-status=if frozen { "approved" } else { "draft" } data-testid="round-status">
                        {move || if frozen { i18n.t().launch.round_frozen } else { i18n.t().launch.round_open }}
                    </span>
                </h2>
                <Show when=move || director>
                    <button type="button" class="button button-primary" data-testid="freeze-ranking" on:click=move |_| freezing.set(true)>
                        {move || i18n.t().launch.freeze}
                    </button>
                </Show>
            </div>
            {frozen_line}
            <ErrorAlert error=failure(freeze)/>
            <div class="cards">
                <article class="card">
                    <h3>{move || i18n.t().launch.criteria}</h3>
                    {criteria_view}
                </article>
                <article class="card">
                    <h3>{move || i18n.t().launch.council_heading}</h3>
                    <ul class="plain-list">{council}</ul>
                </article>
            </div>
            <section class="section">
                <div class="section-head">
                    <h3>{move || i18n.t().launch.problems}</h3>
                    <Show when=move || may_edit && !adding.get()>
                        <button type="button" class="button button-primary" data-testid="add-problem" on:click=move |_| adding.set(true)>
                            {move || i18n.t().launch.add_problem}
                        </button>
                    </Show>
                </div>
                <Show when=move || adding.get()>
                    <form class="card form" data-testid="problem-form" novalidate on:submit=move |event| {
                        event.prevent_default();
                        add.dispatch(SchoolProblemInput {
                            title: trimmed(new_title),
                            description: trimmed(new_description),
                            evidence: trimmed(new_evidence),
                        });
                    }>
                        <h4>{move || i18n.t().launch.problem_new}</h4>
                        <TextField id="problem-title" label=|t| t.launch.problem_title autocomplete="off" value=new_title error=server_message(add_error, "title")/>
                        <TextAreaField id="problem-description" label=|t| t.launch.problem_description value=new_description error=server_message(add_error, "description")/>
                        <TextAreaField id="problem-evidence" label=|t| t.launch.problem_evidence value=new_evidence error=server_message(add_error, "evidence")/>
                        <ErrorAlert error=add_error/>
                        <FormActions submit=|t| t.save pending=add.pending() submit_testid="problem-submit" on_cancel=Callback::new(move |()| adding.set(false))/>
                    </form>
                </Show>
                <ErrorAlert error=failure(delete)/>
                {problems}
            </section>
            <section class="section" data-testid="ranking-result">
                <h3>{move || i18n.t().launch.result}</h3>
                {result}
            </section>
            {move || deleting.get().map(|(id, title)| view! {
                <ConfirmDialog
                    title=|t| t.launch.delete_problem_title
                    text=|t| t.launch.delete_problem_text
                    subject=title
                    confirm=|t| t.launch.delete
                    on_confirm=Callback::new(move |()| { deleting.set(None); delete.dispatch(id); })
                    on_cancel=Callback::new(move |()| deleting.set(None))
                />
            })}
            <Show when=move || freezing.get()>
                <ConfirmDialog
                    title=|t| t.launch.freeze_title
                    text=|t| t.launch.freeze_text
                    subject=i18n::school_year(round.school_year)
                    confirm=|t| t.launch.freeze
                    on_confirm=Callback::new(move |()| { freezing.set(false); freeze.dispatch(()); })
                    on_cancel=Callback::new(move |()| freezing.set(false))
                />
            </Show>
        </div>
    }
}

/// The result: rank, problem, score, criterion means and each member's scores.
fn result_table(ranking: &Ranking) -> AnyView {
    let i18n = use_i18n();
    let headers = ranking
        .round
        .criteria
        .iter()
        .map(|c| view! { <th scope="col">{c.title.clone()}</th> })
        .collect_view();
    let launch = &i18n.t().launch;
    let two = |value: Option<f64>| value.map(|v| launch.decimal(v, 2)).unwrap_or_else(|| "—".to_owned());
    let rows = ranking
        .problems
        .iter()
        .map(|ranked| {
            let means = ranked.criterion_means.iter().map(|m| view! { <td>{two(*m)}</td> }).collect_view();
            let members = ranked
                .members
                .iter()
                .map(|m| format!("{}: {} ({})", m.member_name, m.scores.iter().map(u8::to_string).collect::<Vec<_>>().join("/"), launch.decimal(m.weighted, 2)))
                .collect::<Vec<_>>()
                .join("; ");
            let rank = ranked.rank.map(|r| r.to_string());
            view! {
                <tr data-testid="ranking-row">
                    <td data-testid="ranking-rank">{rank.unwrap_or_else(|| "—".to_owned())}</td>
                    <td>{ranked.problem.title.clone()}</td>
                    <td data-testid="ranking-score">
                        {match ranked.score {
                            Some(score) => launch.decimal(score, 2).into_any(),
                            None => view! { <span class="muted">{move || i18n.t().launch.not_scored}</span> }.into_any(),
                        }}
                    </td>
                    {means}
                    <td class="small">{members}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="ranking-table">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t().launch.rank}</th>
                        <th scope="col">{move || i18n.t().launch.problem_title}</th>
                        <th scope="col">{move || i18n.t().launch.score}</th>
                        {headers}
                        <th scope="col">{move || i18n.t().launch.members_scores}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
