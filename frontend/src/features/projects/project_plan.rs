//! The «План» tab: the work plan of a project for a school year.

use crate::access;
use crate::api;
use crate::api::attachments::AttachTo;
use crate::auth::use_auth;
use crate::features::projects::plan_item_form::PlanItemForm;
use crate::i18n::{self, use_i18n};
use crate::ui::add_button::AddButton;
use crate::ui::attachments::Attachments;
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::empty_state::EmptyState;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::loading::Loading;
use crate::ui::option_select::OptionSelect;
use leptos::prelude::*;
use openapi::PageQuery;
use openapi::pagination::MAX_PER_PAGE;
use openapi::plan::{PlanFilter, PlanItem, PlanSummary};
use openapi::projects::Project;

/// The school year's completion and on-time percentages with the overdue items, then
/// the items by deadline as a timeline (overdue ones marked), each editable and
/// removable (after a confirmation) by the school's administration, council and teachers.
#[component]
pub fn ProjectPlan(
    /// The project.
    project: Project,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let org = project.org_id;
    let id = project.id;
    let (first, last) = (project.start_year, project.end_year);
    let may_edit = auth
        .with_me_untracked(|me| access::may_edit_resources(me, org))
        .unwrap_or(false);
    let year = RwSignal::new(Some(i18n::current_school_year().clamp(first, last)));
    let years = Signal::derive(move || (first..=last).map(|y| (y, i18n::school_year(y))).collect::<Vec<_>>());
    let adding = RwSignal::new(false);
    let items = LocalResource::new(move || {
        let filter = PlanFilter {
            school_year: year.get(),
            status: None,
        };
        async move {
            let page = PageQuery {
                page: Some(1),
                per_page: Some(MAX_PER_PAGE),
            };
            api::plan::list_items(id, &filter, page).await
        }
    });
    let summary = LocalResource::new(move || {
        let year = year.get();
        async move { api::plan::summary(id, year).await }
    });
    let reload = Callback::new(move |_: PlanItem| {
        adding.set(false);
        items.refetch();
        summary.refetch();
    });
    let deleting = RwSignal::new(None::<PlanItem>);
    let delete = Action::new_local(move |item: &i64| {
        let item = *item;
        async move {
            let done = api::plan::delete_item(item).await;
            if done.is_ok() {
                items.refetch();
                summary.refetch();
            }
            done
        }
    });
    let project_for_form = project.clone();
    let timeline = move || {
        let project = project_for_form.clone();
        Suspend::new(async move {
            match items.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(page) if page.items.is_empty() => view! { <EmptyState text=|t| t.launch.no_plan_items/> }.into_any(),
                Ok(page) => {
                    let entries = page
                        .items
                        .into_iter()
                        .map(|item| view! { <PlanEntry item=item project=project.clone() may_edit=may_edit on_saved=reload deleting=deleting/> })
                        .collect_view();
                    view! { <ol class="timeline" data-testid="plan-timeline">{entries}</ol> }.into_any()
                }
            }
        })
    };
    let summary_view = move || {
        Suspend::new(async move {
            match summary.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(summary) => view! { <SummaryView summary=summary/> }.into_any(),
            }
        })
    };
    let project_for_add = project.clone();

    view! {
        <section class="section" data-testid="project-plan">
            <div class="section-head">
                <h2>{move || i18n.t().launch.plan_heading}</h2>
                <AddButton label=|t| t.launch.add_item testid="add-plan-item" open=adding allowed=may_edit/>
            </div>
            <div class="filters">
                <OptionSelect id="plan-year" label=|t| t.launch.school_year options=years value=year/>
            </div>
            <Show when=move || adding.get()>
                <PlanItemForm
                    project=project_for_add.clone()
                    year=year.get_untracked().unwrap_or(first)
                    on_saved=reload
                    on_cancel=Callback::new(move |()| adding.set(false))
                />
            </Show>
            <Transition fallback=|| view! { <Loading/> }>{summary_view}</Transition>
            <ErrorAlert error=failure(delete)/>
            // The loading, empty and error states stand outside the list of items.
            <Transition fallback=|| view! { <Loading/> }>{timeline}</Transition>
            {move || {
                deleting
                    .get()
                    .map(|item| {
                        view! {
                            <ConfirmDialog
                                title=|t| t.launch.delete_item_title
                                text=|t| t.launch.delete_item_text
                                subject=item.action.clone()
                                confirm=|t| t.launch.delete
                                on_confirm=Callback::new(move |()| {
                                    deleting.set(None);
                                    delete.dispatch(item.id);
                                })
                                on_cancel=Callback::new(move |()| deleting.set(None))
                            />
                        }
                    })
            }}
        </section>
    }
}

/// The percentages and the overdue list of a school year.
#[component]
fn SummaryView(summary: PlanSummary) -> impl IntoView {
    let i18n = use_i18n();
    let percent = move |value: Option<f64>| value.map(|value| format!("{} %", i18n.t().launch.decimal(value, 1)));
    let completion = percent(summary.completion_percent);
    let on_time = percent(summary.on_time_percent);
    let overdue = if summary.overdue.is_empty() {
        view! { <p class="muted">{move || i18n.t().launch.overdue_none}</p> }.into_any()
    } else {
        let rows = summary
            .overdue
            .into_iter()
            .map(|item| view! { <li data-testid="overdue-item">{move || i18n.t().day(item.deadline)} " — " {item.action}</li> })
            .collect_view();
        view! { <ul class="plain-list">{rows}</ul> }.into_any()
    };
    let counts = format!("{} / {} / {}", summary.due, summary.done, summary.done_on_time);
    let as_of = summary.as_of;
    view! {
        <div class="cards plan-summary" data-testid="plan-summary">
            <article class="card stat">
                <h3>{move || i18n.t().launch.completion}</h3>
                <p class="stat-value" data-testid="completion-percent">
                    {completion.clone().unwrap_or_else(|| "—".to_owned())}
                </p>
                <p class="muted">
                    {move || {
                        if completion.is_none() {
                            i18n.t().launch.nothing_due.to_owned()
                        } else {
                            format!("{}, {}: {}", i18n.t().launch.due_counts, i18n.t().launch.done_counts, counts)
                        }
                    }}
                    " · " {move || i18n.t().day(as_of)}
                </p>
            </article>
            <article class="card stat">
                <h3>{move || i18n.t().launch.on_time}</h3>
                <p class="stat-value" data-testid="on-time-percent">{on_time.unwrap_or_else(|| "—".to_owned())}</p>
            </article>
            <article class="card" data-testid="overdue-list">
                <h3>{move || i18n.t().launch.overdue_list}</h3>
                {overdue}
            </article>
        </div>
    }
}

/// One item of the timeline, with its form when being changed.
#[component]
fn PlanEntry(
    item: PlanItem,
    project: Project,
    may_edit: bool,
    on_saved: Callback<PlanItem>,
    deleting: RwSignal<Option<PlanItem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let editing = RwSignal::new(false);
    let status = item.status;
    let overdue = item.overdue;
    let done = item
        .done_on
        .map(|date| view! { <span>" · " {move || i18n.t().launch.done_on} ": " {move || i18n.t().day(date)}</span> });
    let evidence = (!item.evidence.is_empty()).then(|| {
        let evidence = item.evidence.clone();
        view! { <p class="muted">{move || i18n.t().launch.evidence} ": " {evidence.clone()}</p> }
    });
    let edited = item.clone();
    let removed = item.clone();
    view! {
        <li class="timeline-item" class:overdue=overdue data-testid="plan-item" data-overdue=overdue.to_string()>
            <p class="timeline-date">{move || i18n.t().day(item.deadline)}</p>
            <div class="timeline-body">
                <p>
                    <strong data-testid="plan-item-action">{item.action.clone()}</strong> " "
                    <span class="badge badge-status" data-status=status.as_str()>
                        {move || i18n.t().launch.plan_status(status)}
                    </span>
                    <Show when=move || overdue>
                        " " <span class="badge badge-overdue" data-testid="overdue-mark">{move || i18n.t().launch.overdue_mark}</span>
                    </Show>
                </p>
                <p class="muted">
                    {move || i18n.t().launch.responsible} ": " {item.responsible_name.clone()} " · "
                    {move || i18n.t().launch.expected_result} ": " {item.expected_result.clone()} {done}
                </p>
                {evidence}
                <Attachments files=item.attachments.clone() upload_to=may_edit.then_some(AttachTo::PlanItem(item.id)) may_delete=may_edit/>
                <Show when=move || may_edit && !editing.get()>
                    <div class="form-actions">
                        <button type="button" class="button button-small" data-testid="edit-plan-item" on:click=move |_| editing.set(true)>
                            {move || i18n.t().edit}
                        </button>
                        <button
                            type="button"
                            class="button button-small button-danger"
                            data-testid="delete-plan-item"
                            on:click={
                                let removed = removed.clone();
                                move |_| deleting.set(Some(removed.clone()))
                            }
                        >
                            {move || i18n.t().launch.delete}
                        </button>
                    </div>
                </Show>
                <Show when=move || editing.get()>
                    <PlanItemForm
                        project=project.clone()
                        year=edited.school_year
                        item=edited.clone()
                        on_saved=Callback::new(move |saved| {
                            editing.set(false);
                            on_saved.run(saved);
                        })
                        on_cancel=Callback::new(move |()| editing.set(false))
                    />
                </Show>
            </div>
        </li>
    }
}
