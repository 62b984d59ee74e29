//! An indicator with its targets, actual values and achieved % by school year.

use crate::features::projects::indicator_form::IndicatorForm;
use crate::i18n::{self, use_i18n};
use leptos::prelude::*;
use openapi::plan::Indicator;

/// One indicator's table, with its form when being changed.
#[component]
pub fn IndicatorCard(
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
