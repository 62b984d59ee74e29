//! «Отзывы» of a resource: the satisfaction and demand figures, CSAT % and NPS by month
//! (as the server counts them over every answer), and the answers.

use crate::api;
use crate::i18n::use_i18n;
use crate::ui::error_alert::ErrorAlert;
use chrono::NaiveDate;
use leptos::prelude::*;
use openapi::ResourceId;
use openapi::feedback::{Feedback, Metrics, MonthlyMetrics};

/// The tiles CSAT %, NPS, «Готовы рекомендовать», responses, deliveries and recipient
/// schools; a chart by month; the answers, newest first.
#[component]
pub fn FeedbackSummary(
    /// The resource.
    resource: ResourceId,
    /// Changes whenever a delivery was recorded.
    #[prop(into)]
    changed: Signal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let metrics = LocalResource::new(move || {
        changed.track();
        api::deliveries::resource_metrics(resource)
    });
    let monthly = LocalResource::new(move || {
        changed.track();
        api::deliveries::resource_monthly_metrics(resource)
    });
    let answers = LocalResource::new(move || api::deliveries::list_feedback(resource));
    view! {
        <section class="section" data-testid="feedback">
            <h2>{move || i18n.t().deliveries.feedback}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match metrics.await {
                        Ok(metrics) => tiles(&metrics).into_any(),
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                    }
                })}
            </Transition>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match monthly.await {
                        Ok(months) if months.iter().any(|month| month.responses > 0) => chart(&months).into_any(),
                        Ok(_) => ().into_any(),
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                    }
                })}
            </Transition>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match answers.await {
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                        Ok(page) if page.items.is_empty() => {
                            view! { <p class="empty">{move || i18n.t().deliveries.no_feedback}</p> }.into_any()
                        }
                        Ok(page) => {
                            view! { <ul class="rows">{page.items.into_iter().rev().map(answer).collect_view()}</ul> }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

fn tiles(metrics: &Metrics) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let Metrics {
        csat_percent,
        nps,
        ready_percent,
        responses,
        app_responses,
        link_responses,
        deliveries,
        adopting_schools,
        respondents,
        ..
    } = *metrics;
    let tile = move |testid: &'static str, label: fn(&crate::i18n::Texts) -> &'static str, value: Signal<String>| {
        view! {
            <div class="tile" data-testid=testid>
                <span class="tile-value">{value}</span>
                <span class="tile-label">{move || label(i18n.t())}</span>
            </div>
        }
    };
    view! {
        <div class="tiles">
            {tile("metric-csat", |t| t.deliveries.csat, Signal::derive(move || i18n.t().deliveries.figure(csat_percent, " %")))}
            {tile("metric-nps", |t| t.deliveries.nps, Signal::derive(move || i18n.t().deliveries.figure(nps, "")))}
            {tile(
                "metric-ready",
                |t| t.deliveries.ready_percent,
                Signal::derive(move || i18n.t().deliveries.figure(ready_percent, " %")),
            )}
            {tile("metric-responses", |t| t.deliveries.responses, Signal::stored(responses.to_string()))}
            {tile("metric-app-responses", |t| t.deliveries.app_responses, Signal::stored(app_responses.to_string()))}
            {tile("metric-link-responses", |t| t.deliveries.link_responses, Signal::stored(link_responses.to_string()))}
            {tile("metric-respondents", |t| t.feedback_links.respondents, Signal::stored(respondents.to_string()))}
            {tile("metric-deliveries", |t| t.deliveries.deliveries, Signal::stored(deliveries.to_string()))}
            {tile("metric-schools", |t| t.deliveries.schools, Signal::stored(adopting_schools.to_string()))}
        </div>
    }
}

/// CSAT % and NPS of the answers given in one month.
struct Month {
    month: NaiveDate,
    csat: f64,
    nps: f64,
}

/// The months with answers, oldest first.
fn chart_months(monthly: &[MonthlyMetrics]) -> Vec<Month> {
    let mut months: Vec<&MonthlyMetrics> = monthly.iter().filter(|month| month.responses > 0).collect();
    months.sort_by_key(|month| month.month);
    months
        .into_iter()
        .filter_map(|month| {
            Some(Month {
                month: month.month,
                csat: month.csat_percent?,
                nps: month.nps?,
            })
        })
        .collect()
}

/// A plain SVG line chart: CSAT % (0–100) and NPS (−100–100) on one scale by month.
fn chart(monthly: &[MonthlyMetrics]) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let months = chart_months(monthly);
    let (width, height, left, top, plot) = (480.0_f64, 180.0_f64, 40.0_f64, 10.0_f64, 140.0_f64);
    let step = if months.len() > 1 {
        (width - left - 20.0) / (months.len() - 1) as f64
    } else {
        0.0
    };
    let x = move |index: usize| left + 10.0 + step * index as f64;
    let y = move |value: f64| top + (100.0 - value) / 200.0 * plot;
    let line = |value: fn(&Month) -> f64| {
        months
            .iter()
            .enumerate()
            .map(|(index, month)| format!("{:.1},{:.1}", x(index), y(value(month))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (csat_line, nps_line) = (line(|month| month.csat), line(|month| month.nps));
    let grid = [100.0, 50.0, 0.0, -50.0, -100.0]
        .into_iter()
        .map(|value| {
            view! {
                <line x1=left y1=y(value) x2=width - 10.0 y2=y(value) class="chart-grid"/>
                <text x=left - 6.0 y=y(value) + 4.0 text-anchor="end" class="chart-axis">{value.to_string()}</text>
            }
        })
        .collect_view();
    let points = months
        .iter()
        .enumerate()
        .map(|(index, month)| {
            let when = month.month;
            view! {
                <circle cx=x(index) cy=y(month.csat) r=4 class="chart-csat-point"/>
                <circle cx=x(index) cy=y(month.nps) r=4 class="chart-nps-point"/>
                <text x=x(index) y=height - 8.0 text-anchor="middle" class="chart-axis">{move || i18n.t().month(when)}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart" data-testid="feedback-chart">
            <svg viewBox=format!("0 0 {width} {height}") role="img" aria-label=move || i18n.t().deliveries.chart>
                {grid}
                <polyline points=csat_line class="chart-csat"/>
                <polyline points=nps_line class="chart-nps"/>
                {points}
            </svg>
            <figcaption>
                {move || i18n.t().deliveries.chart} ": "
                <span class="legend-csat">"● CSAT %"</span> " "
                <span class="legend-nps">"● NPS"</span>
            </figcaption>
        </figure>
    }
}

fn answer(feedback: Feedback) -> impl IntoView {
    let i18n = use_i18n();
    let (ready, recommend) = (feedback.ready, feedback.recommend);
    view! {
        <li class="card answer" data-testid="feedback-row">
            <p>
                <strong>{feedback.respondent_name}</strong>
                " · " {move || i18n.t().date(&feedback.created_at)} " · CSAT " {feedback.csat} "/5 · "
                {move || {
                    let t = i18n.t();
                    format!(
                        "{}: {recommend} {} 10 · {}: {}",
                        t.deliveries.recommend_score,
                        t.deliveries.out_of,
                        t.deliveries.ready_percent,
                        if ready { t.deliveries.yes } else { t.deliveries.no },
                    )
                }}
            </p>
            {(!feedback.comment.is_empty()).then(|| view! { <p>{feedback.comment}</p> })}
        </li>
    }
}
