//! The «Показатели» tab: the indicators of a project's results tracking system.

use crate::access;
use crate::api;
use crate::app::use_auth;
use crate::components::add_button::AddButton;
use crate::components::empty_state::EmptyState;
use crate::components::error_alert::{ErrorAlert, failure};
use crate::components::field_error::server_message;
use crate::components::form_actions::FormActions;
use crate::components::loading::Loading;
use crate::components::text_field::{TextField, trimmed};
use crate::i18n::{self, use_i18n};
use leptos::prelude::*;
use openapi::plan::{Indicator, IndicatorInput, IndicatorValueInput};
use openapi::projects::Project;

/// A table per indicator: target, actual and achieved % per school year; the school's
/// administration, council and teachers add and change indicators.
#[component]
pub fn ProjectIndicators(
    /// The project.
    project: Project,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let id = project.id;
    let may_edit = auth
        .with_me_untracked(|me| access::may_edit_resources(me, project.org_id))
        .unwrap_or(false);
    let years = (project.start_year, project.end_year);
    let adding = RwSignal::new(false);
    let indicators = LocalResource::new(move || api::plan::list_indicators(id));
    let saved = Callback::new(move |_: Indicator| {
        adding.set(false);
        indicators.refetch();
    });
    let list = move || {
        Suspend::new(async move {
            match indicators.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(list) if list.is_empty() => view! { <EmptyState text=|t| t.launch.no_indicators/> }.into_any(),
                Ok(list) => list
                    .into_iter()
                    .map(|indicator| view! { <IndicatorCard indicator=indicator years=years may_edit=may_edit on_saved=saved/> })
                    .collect_view()
                    .into_any(),
            }
        })
    };
    view! {
        <section class="section" data-testid="project-indicators">
            <div class="section-head">
                <h2>{move || i18n.t().launch.indicators_heading}</h2>
                <AddButton label=|t| t.launch.add_indicator testid="add-indicator" open=adding allowed=may_edit/>
            </div>
            <Show when=move || adding.get()>
                <IndicatorForm project=id years=years on_saved=saved on_cancel=Callback::new(move |()| adding.set(false))/>
            </Show>
            <Transition fallback=|| view! { <Loading/> }>{list}</Transition>
        </section>
    }
}

/// One indicator's table, with its form when being changed.
#[component]
fn IndicatorCard(
    indicator: Indicator,
    years: (i32, i32),
    may_edit: bool,
    on_saved: Callback<Indicator>,
) -> impl IntoView {
    let i18n = use_i18n();
    let editing = RwSignal::new(false);
    let number = move |value: f64| i18n.t().launch.amount(value);
    let rows = indicator
        .values
        .iter()
        .map(|value| {
            view! {
                <tr data-testid="indicator-value">
                    <td>{i18n::school_year(value.school_year)}</td>
                    <td>{number(value.target)}</td>
                    <td>{value.actual.map(number).unwrap_or_else(|| "—".to_owned())}</td>
                    <td data-testid="achieved-percent">
                        {value
                            .achieved_percent
                            .map(|p| format!("{} %", i18n.t().launch.decimal(p, 1)))
                            .unwrap_or_else(|| "—".to_owned())}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let edited = indicator.clone();
    view! {
        <article class="card block" data-testid="indicator">
            <div class="section-head">
                <h3>{indicator.title.clone()} <span class="muted">" (" {indicator.unit.clone()} ")"</span></h3>
                <Show when=move || may_edit && !editing.get()>
                    <button type="button" class="button button-small" data-testid="edit-indicator" on:click=move |_| editing.set(true)>
                        {move || i18n.t().edit}
                    </button>
                </Show>
            </div>
            <div class="table-wrap">
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t().launch.school_year}</th>
                            <th scope="col">{move || i18n.t().launch.target}</th>
                            <th scope="col">{move || i18n.t().launch.actual}</th>
                            <th scope="col">{move || i18n.t().launch.achieved}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <Show when=move || editing.get()>
                <IndicatorForm
                    project=edited.project_id
                    years=years
                    indicator=edited.clone()
                    on_saved=Callback::new(move |saved| {
                        editing.set(false);
                        on_saved.run(saved);
                    })
                    on_cancel=Callback::new(move |()| editing.set(false))
                />
            </Show>
        </article>
    }
}

/// Title, unit, and a target and actual value for every school year of the project
/// (years without a target are left out).
#[component]
fn IndicatorForm(
    project: openapi::ProjectId,
    years: (i32, i32),
    #[prop(optional)] indicator: Option<Indicator>,
    on_saved: Callback<Indicator>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = indicator.as_ref().map(|i| i.id);
    let title = RwSignal::new(indicator.as_ref().map(|i| i.title.clone()).unwrap_or_default());
    let unit = RwSignal::new(indicator.as_ref().map(|i| i.unit.clone()).unwrap_or_default());
    let values: Vec<(i32, RwSignal<String>, RwSignal<String>)> = (years.0..=years.1)
        .map(|year| {
            let current = indicator
                .as_ref()
                .and_then(|i| i.values.iter().find(|v| v.school_year == year).cloned());
            (
                year,
                RwSignal::new(current.as_ref().map(|v| v.target.to_string()).unwrap_or_default()),
                RwSignal::new(
                    current
                        .and_then(|v| v.actual)
                        .map(|a| a.to_string())
                        .unwrap_or_default(),
                ),
            )
        })
        .collect();
    let save = Action::new_local(move |input: &IndicatorInput| {
        let input = input.clone();
        async move {
            let saved = match id {
                Some(id) => api::plan::update_indicator(id, &input).await,
                None => api::plan::create_indicator(project, &input).await,
            };
            if let Ok(indicator) = &saved {
                on_saved.run(indicator.clone());
            }
            saved
        }
    });
    let error = failure(save);
    let parse = |text: String| text.trim().replace(',', ".").parse::<f64>().ok();
    let submit_values = values.clone();
    let rows = values
        .into_iter()
        .map(|(year, target, actual)| {
            view! {
                <div class="form-grid" data-testid="indicator-year" data-year=year.to_string()>
                    <p class="lead">{i18n::school_year(year)}</p>
                    <div class="field">
                        <label for=format!("indicator-target-{year}")>{move || i18n.t().launch.target}</label>
                        <input id=format!("indicator-target-{year}") type="number" step="any" min="0" data-testid="indicator-target" bind:value=target/>
                    </div>
                    <div class="field">
                        <label for=format!("indicator-actual-{year}")>{move || i18n.t().launch.actual}</label>
                        <input id=format!("indicator-actual-{year}") type="number" step="any" min="0" data-testid="indicator-actual" bind:value=actual/>
                    </div>
                </div>
            }
        })
        .collect_view();
    view! {
        <form
            class="card form"
            data-testid="indicator-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                let values = submit_values
                    .iter()
                    .filter_map(|(year, target, actual)| {
                        Some(IndicatorValueInput {
                            school_year: *year,
                            target: parse(target.get_untracked())?,
                            actual: parse(actual.get_untracked()),
                        })
                    })
                    .collect();
                save.dispatch(IndicatorInput { title: trimmed(title), unit: trimmed(unit), values });
            }
        >
            <h3>{move || if id.is_some() { i18n.t().launch.indicator_edit } else { i18n.t().launch.indicator_new }}</h3>
            <div class="form-grid">
                <TextField id="indicator-title" label=|t| t.launch.indicator_title autocomplete="off" value=title error=server_message(error, "title")/>
                <TextField id="indicator-unit" label=|t| t.launch.unit autocomplete="off" value=unit error=server_message(error, "unit")/>
            </div>
            {rows}
            <ErrorAlert error=error testid="indicator-form-error"/>
            <FormActions submit=|t| t.save pending=save.pending() submit_testid="indicator-submit" on_cancel=on_cancel/>
        </form>
    }
}
