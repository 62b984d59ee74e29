//! «Жизненный цикл» of a resource: the five steps, the moves its school may make, and
//! the history of its stage changes.

use crate::api::{self, ApiError};
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::FieldError;
use leptos::prelude::*;
use openapi::ResourceId;
use openapi::lifecycle::{Transition, TransitionInput};
use openapi::resources::{Resource, Stage};

/// The stepper request → design → production → delivery → satisfaction with the current
/// step marked; for the school's administration, council and teachers «Перейти к этапу
/// «…»» and «Вернуть на этап…»; and the timeline of the changes.
#[component]
pub fn Lifecycle(
    /// The resource.
    resource: ResourceId,
    /// Its current stage.
    stage: Stage,
    /// Whether the user may change the stage.
    may_move: bool,
    /// Called with the resource at its new stage.
    on_moved: Callback<Resource>,
) -> impl IntoView {
    let i18n = use_i18n();
    let position = Stage::ALL.iter().position(|step| *step == stage).unwrap_or(0);
    let next = Stage::ALL.get(position + 1).copied();
    let earlier = &Stage::ALL[..position];
    let going_back = RwSignal::new(false);
    let move_to = Action::new_local(move |input: &TransitionInput| {
        let input = input.clone();
        async move {
            let moved = api::lifecycle::transition(resource, &input).await;
            if let Ok(moved) = &moved {
                // The page shows the new stage by rebuilding this section, so it is told
                // after the action has recorded its result.
                let moved = moved.clone();
                queue_microtask(move || on_moved.run(moved));
            }
            moved
        }
    });
    let history = LocalResource::new(move || api::lifecycle::list_transitions(resource));

    let steps = Stage::ALL
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let state = match index.cmp(&position) {
                std::cmp::Ordering::Less => "done",
                std::cmp::Ordering::Equal => "current",
                std::cmp::Ordering::Greater => "ahead",
            };
            let step = *step;
            view! {
                <li
                    class=format!("step step-{state}")
                    data-testid="lifecycle-step"
                    data-state=state
                    aria-current=(state == "current").then_some("step")
                >
                    <span class="step-number">{index + 1}</span>
                    <span class="step-name">{move || i18n.t().resources.stage(step)}</span>
                </li>
            }
        })
        .collect_view();

    let actions = may_move.then(|| {
        let forward = next.map(|next| {
            view! {
                <button
                    type="button"
                    class="button button-primary"
                    data-testid="move-next"
                    disabled=move || move_to.pending().get()
                    on:click=move |_| {
                        move_to.dispatch(TransitionInput { to: next, reason: None });
                    }
                >
                    {move || format!("{} «{}»", i18n.t().lifecycle.move_to, i18n.t().resources.stage(next))}
                </button>
            }
        });
        let back = (!earlier.is_empty()).then(|| {
            view! {
                <button type="button" class="button" data-testid="move-back" on:click=move |_| going_back.set(true)>
                    {move || i18n.t().lifecycle.move_back}
                </button>
            }
        });
        view! {
            <div class="form-actions">{forward} {back}</div>
            <Show when=move || !going_back.get()>
                <ErrorAlert error=failure(move_to) testid="lifecycle-error"/>
            </Show>
            <Show when=move || going_back.get()>
                <BackDialog earlier=earlier action=move_to open=going_back/>
            </Show>
        }
    });

    view! {
        <section class="section" data-testid="lifecycle">
            <h2>{move || i18n.t().lifecycle.heading}</h2>
            <ol class="stepper">{steps}</ol>
            {actions}
            <h3 class="timeline-heading">{move || i18n.t().lifecycle.timeline}</h3>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match history.await {
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                        Ok(page) if page.items.is_empty() => {
                            view! { <p class="empty">{move || i18n.t().lifecycle.no_transitions}</p> }.into_any()
                        }
                        Ok(page) => {
                            view! {
                                <ol class="timeline" data-testid="lifecycle-timeline">
                                    {page.items.into_iter().map(timeline_entry).collect_view()}
                                </ol>
                            }
                            .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// One stage change: when, who, from → to, and why.
fn timeline_entry(transition: Transition) -> impl IntoView {
    let i18n = use_i18n();
    let (from, to) = (transition.from, transition.to);
    view! {
        <li class="timeline-entry" data-testid="transition-row">
            <span class="timeline-at">{move || i18n.t().date_time(&transition.at)}</span>
            " "
            <span class="timeline-actor">{transition.actor_name.unwrap_or_default()}</span>
            " "
            <span class="timeline-move">
                {move || format!("{} → {}", i18n.t().resources.stage(from), i18n.t().resources.stage(to))}
            </span>
            {transition.reason.map(|reason| view! { <span class="timeline-reason">" — " {reason}</span> })}
        </li>
    }
}

/// «Вернуть на этап…»: the earlier stage and the required reason.
#[component]
fn BackDialog(
    /// The stages before the current one.
    earlier: &'static [Stage],
    /// The stage change.
    action: Action<TransitionInput, Result<Resource, ApiError>>,
    /// Whether the dialog is open; closing it sets it to `false`.
    open: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let to = RwSignal::new(earlier.last().copied().unwrap_or(Stage::Request));
    let reason = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let reason = reason.get_untracked().trim().to_owned();
        missing.set(reason.is_empty());
        if !reason.is_empty() {
            action.dispatch(TransitionInput {
                to: to.get_untracked(),
                reason: Some(reason),
            });
        }
    };
    let reason_error = Signal::derive(move || missing.get().then(|| i18n.t().lifecycle.refused_reason_required));
    view! {
        <div
            class="dialog-backdrop"
            on:keydown=move |event| {
                if event.key() == "Escape" {
                    open.set(false);
                }
            }
        >
            <form class="dialog" role="dialog" aria-modal="true" data-testid="back-dialog" on:submit=submit>
                <h2>{move || i18n.t().lifecycle.back_title}</h2>
                <div class="field">
                    <label for="back-stage">{move || i18n.t().lifecycle.back_stage}</label>
                    <select
                        id="back-stage"
                        data-testid="back-stage"
                        on:change=move |event| {
                            if let Some(stage) = Stage::parse(&event_target_value(&event)) {
                                to.set(stage);
                            }
                        }
                    >
                        {earlier
                            .iter()
                            .map(|stage| {
                                let stage = *stage;
                                view! {
                                    <option value=stage.as_str() selected=move || to.get() == stage>
                                        {move || i18n.t().resources.stage(stage)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field field-wide">
                    <label for="back-reason">{move || i18n.t().lifecycle.back_reason}</label>
                    <textarea
                        id="back-reason"
                        data-testid="back-reason"
                        rows=3
                        aria-describedby="back-reason-error"
                        bind:value=reason
                    ></textarea>
                    <FieldError id="back-reason-error".to_owned() message=reason_error/>
                </div>
                <ErrorAlert error=failure(action) testid="lifecycle-error"/>
                <div class="dialog-actions">
                    <button type="button" class="button" on:click=move |_| open.set(false)>
                        {move || i18n.t().cancel}
                    </button>
                    <button
                        type="submit"
                        class="button button-danger"
                        data-testid="back-confirm"
                        disabled=move || action.pending().get()
                    >
                        {move || i18n.t().lifecycle.back_confirm}
                    </button>
                </div>
            </form>
        </div>
    }
}
