//! «Распространение опыта»: the dissemination figures of a resource, a project or a
//! school for a chosen school year, as the server counts them.

use crate::api;
use crate::api::dissemination::Scope;
use crate::i18n::{self, Texts, use_i18n};
use crate::ui::error_alert::ErrorAlert;
use crate::ui::option_select::OptionSelect;
use leptos::prelude::*;
use openapi::dissemination::Dissemination;

/// How many school years the select offers, the current one first.
const YEARS: i32 = 5;

/// A school-year select and the figures of that year in tiles, with the events by form
/// and by level.
#[component]
pub fn DisseminationPanel(
    /// Whose figures.
    scope: Scope,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = i18n::current_school_year();
    let year = RwSignal::new(Some(current));
    let figures = LocalResource::new(move || {
        let year = year.get().unwrap_or(current);
        api::dissemination::dissemination(scope, year)
    });
    view! {
        <section class="section" data-testid="dissemination">
            <h2>{move || i18n.t().dissemination.heading}</h2>
            <div class="filters">
                <OptionSelect
                    id="dissemination-year"
                    label=|t| t.dissemination.school_year
                    options=Signal::stored(school_year_options(current))
                    value=year
                />
            </div>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || Suspend::new(async move {
                    match figures.await {
                        Ok(figures) => tiles(figures).into_any(),
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                    }
                })}
            </Transition>
            <p class="hint">{move || i18n.t().dissemination.formulas}</p>
        </section>
    }
}

/// The school years a select offers: `current` and the years before it.
pub fn school_year_options(current: i32) -> Vec<(i32, String)> {
    (0..YEARS)
        .map(|back| (current - back, i18n::school_year(current - back)))
        .collect()
}

/// One figure: its value over its label.
fn tile(testid: &'static str, label: fn(&Texts) -> &'static str, value: String) -> impl IntoView + use<> {
    let i18n = use_i18n();
    view! {
        <div class="tile" data-testid=testid>
            <span class="tile-value">{value}</span>
            <span class="tile-label">{move || label(i18n.t())}</span>
        </div>
    }
}

fn tiles(d: Dissemination) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let rating = d
        .fair_rating
        .map_or_else(|| "—".to_owned(), |rating| format!("{rating:.2}"));
    let csat = d
        .csat_percent
        .map_or_else(|| "—".to_owned(), |csat| format!("{csat:.1}"));
    let kinds = d.events_by_kind.clone();
    let levels = d.events_by_level.clone();
    let no_events = d.events == 0;
    view! {
        <div class="tiles" data-school-year=d.school_year.label.clone()>
            {tile("dis-pilots", |t| t.dissemination.pilots, d.pilots.to_string())}
            {tile("dis-pilot-sites", |t| t.dissemination.pilot_sites, d.pilot_sites.to_string())}
            {tile("dis-pilot-pupils", |t| t.dissemination.pilot_pupils, d.pilot_pupils.to_string())}
            {tile("dis-risks-open", |t| t.dissemination.risks_open, d.risks_open.to_string())}
            {tile("dis-risks-closed", |t| t.dissemination.risks_closed, d.risks_closed.to_string())}
            {tile("dis-cohorts", |t| t.dissemination.cohorts, d.cohorts.to_string())}
            {tile("dis-teachers", |t| t.dissemination.teachers_trained, d.teachers_trained.to_string())}
            {tile("dis-hours", |t| t.dissemination.training_hours, d.training_hours.to_string())}
            {tile("dis-certificates", |t| t.dissemination.certificates, d.certificates.to_string())}
            {tile("dis-consultations", |t| t.dissemination.consultations, d.consultations.to_string())}
            {tile(
                "dis-consultation-participants",
                |t| t.dissemination.consultation_participants,
                d.consultation_participants.to_string(),
            )}
            {tile("dis-events", |t| t.dissemination.events, d.events.to_string())}
            {tile("dis-attendees", |t| t.dissemination.attendees, d.attendees.to_string())}
            {tile("dis-fair-stands", |t| t.dissemination.fair_stands, d.fair_stands.to_string())}
            {tile("dis-fair-rating", |t| t.dissemination.fair_rating, rating)}
            {tile("dis-requests", |t| t.dissemination.requests, d.requests.to_string())}
            {tile("dis-deliveries", |t| t.dissemination.deliveries, d.deliveries.to_string())}
            {tile("dis-responses", |t| t.dissemination.responses, d.responses.to_string())}
            {tile("dis-csat", |t| t.dissemination.csat, csat)}
            {tile("dis-reached", |t| t.dissemination.schools_reached, d.schools_reached.to_string())}
        </div>
        {if no_events {
            view! { <p class="empty" data-testid="dis-no-events">{move || i18n.t().dissemination.no_events}</p> }
                .into_any()
        } else {
            view! {
                <div class="columns">
                    <div>
                        <h3>{move || i18n.t().dissemination.by_kind}</h3>
                        <ul class="rows" data-testid="dis-by-kind">
                            {kinds
                                .into_iter()
                                .map(|entry| {
                                    view! {
                                        <li>{move || i18n.t().events.kind_name(entry.kind)}": "{entry.count}</li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                    <div>
                        <h3>{move || i18n.t().dissemination.by_level}</h3>
                        <ul class="rows" data-testid="dis-by-level">
                            {levels
                                .into_iter()
                                .map(|entry| {
                                    view! {
                                        <li>{move || i18n.t().events.level_name(entry.level)}": "{entry.count}</li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                </div>
            }
                .into_any()
        }}
    }
}
