//! The form of an indicator: title, unit, and a target and actual value per school year.

use crate::api;
use crate::i18n::{self, use_i18n};
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::server_message;
use crate::ui::form_actions::FormActions;
use crate::ui::stale_notice::StaleNotice;
use crate::ui::text_field::{TextField, trimmed};
use leptos::prelude::*;
use openapi::plan::{Indicator, IndicatorInput, IndicatorValueInput};

/// Title, unit, and a target and actual value for every school year of the project
/// (years without a target are left out).
#[component]
pub fn IndicatorForm(
    project: openapi::ProjectId,
    years: (i32, i32),
    #[prop(optional)] indicator: Option<Indicator>,
    on_saved: Callback<Indicator>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = indicator.as_ref().map(|i| (i.id, i.version));
    let notice = StaleNotice::get();
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
                Some((id, version)) => {
                    let result = api::plan::update_indicator(id, version, &input).await;
                    notice
                        .or_current(result, || api::plan::find_indicator(project, id))
                        .await
                }
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
