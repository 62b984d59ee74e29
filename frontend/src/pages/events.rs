//! `/events`: the municipality's calendar of events, as a month or a list, filtered by
//! form and level; `?org_id=` shows one school's history, past included.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::features::events::event_form::EventForm;
use crate::i18n::use_i18n;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::filter_select::FilterSelect;
use crate::ui::loading::Loading;
use chrono::{Datelike, Days, Months, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use openapi::OrganisationId;
use openapi::events::{Event, EventFilter, EventItem, EventKind, EventLevel, EventStatus};

/// Today in the browser's time zone.
fn today() -> NaiveDate {
    crate::ui::date_field::parse_date(&crate::ui::date_field::today_value()).unwrap_or_default()
}

/// The first day of the month of `day`.
fn month_start(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// The calendar: «Месяц» (a grid of the month's weeks, Monday first) or «Списком» (the
/// upcoming events, or a school's whole history), the form and level filters, and «Новое
/// мероприятие» for those who organise their organisation's events.
#[component]
pub fn EventsPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let query = use_query_map();
    let history = Memo::new(move |_| {
        query.with(|q| {
            q.get("org_id")
                .and_then(|id| id.parse::<i64>().ok())
                .map(OrganisationId)
        })
    });
    let may_create = auth
        .with_me_untracked(|me| access::may_manage_events(me, me.organisation.id))
        .unwrap_or(false);
    let month_view = RwSignal::new(true);
    let month = RwSignal::new(month_start(today()));
    let kind = RwSignal::new(None::<EventKind>);
    let level = RwSignal::new(None::<EventLevel>);
    let page = RwSignal::new(1_u32);
    let creating = RwSignal::new(false);
    let events = LocalResource::new(move || {
        let (start, monthly, org) = (month.get(), month_view.get() && history.get().is_none(), history.get());
        let filter = EventFilter {
            from: if monthly {
                Some(start)
            } else if org.is_none() {
                Some(today())
            } else {
                None
            },
            to: monthly.then(|| {
                start
                    .checked_add_months(Months::new(1))
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(start)
            }),
            kind: kind.get(),
            level: level.get(),
            org_id: org,
            status: None,
            q: None,
        };
        api::events::list_events(filter)
    });
    let navigate = use_navigate();
    let created = Callback::new(move |event: Event| {
        creating.set(false);
        navigate(&format!("/events/{}", event.id), Default::default());
    });
    let shift = move |months: i32| {
        month.update(|start| {
            *start = if months < 0 {
                start.checked_sub_months(Months::new(1))
            } else {
                start.checked_add_months(Months::new(1))
            }
            .unwrap_or(*start);
        });
    };
    let body = move || {
        let list = match events.get() {
            None => return view! { <Loading/> }.into_any(),
            Some(Err(error)) => return view! { <ErrorAlert error=Some(error)/> }.into_any(),
            Some(Ok(page)) => page.items,
        };
        if month_view.get() && history.get().is_none() {
            view! { <MonthGrid start=month.get() events=list/> }.into_any()
        } else if list.is_empty() {
            view! { <p class="muted" data-testid="events-empty">{move || i18n.t().events.none}</p> }.into_any()
        } else {
            view! { <EventList events=list/> }.into_any()
        }
    };

    view! {
        <section class="page" data-testid="events-page">
            <h1>
                {move || {
                    if history.get().is_some() { i18n.t().events.history } else { i18n.t().events.heading }
                }}
            </h1>
            <div class="toolbar">
                <Show when=move || history.get().is_none()>
                    <button
                        type="button"
                        class="button"
                        data-testid="events-month"
                        aria-pressed=move || month_view.get().to_string()
                        on:click=move |_| month_view.set(true)
                    >
                        {move || i18n.t().events.month}
                    </button>
                    <button
                        type="button"
                        class="button"
                        data-testid="events-list"
                        aria-pressed=move || (!month_view.get()).to_string()
                        on:click=move |_| month_view.set(false)
                    >
                        {move || i18n.t().events.list}
                    </button>
                </Show>
                {may_create
                    .then(|| {
                        view! {
                            <button type="button" class="button primary" data-testid="event-add" on:click=move |_| creating.set(true)>
                                {move || i18n.t().events.add}
                            </button>
                        }
                    })}
            </div>
            <Show when=move || creating.get()>
                <EventForm event=None on_saved=created on_cancel=Callback::new(move |()| creating.set(false))/>
            </Show>
            <div class="filters">
                <FilterSelect id="events-kind" label=|t| t.events.kind value=kind page=page/>
                <FilterSelect id="events-level" label=|t| t.events.level value=level page=page/>
            </div>
            <Show when=move || month_view.get() && history.get().is_none()>
                <div class="toolbar">
                    <button type="button" class="button" data-testid="month-previous" on:click=move |_| shift(-1)>
                        {move || i18n.t().events.previous_month}
                    </button>
                    <strong data-testid="month-shown">{move || i18n.t().month(month.get())}</strong>
                    <button type="button" class="button" data-testid="month-next" on:click=move |_| shift(1)>
                        {move || i18n.t().events.next_month}
                    </button>
                </div>
            </Show>
            {body}
        </section>
    }
}

/// The events of a month on a grid of weeks, Monday first; each day lists the events
/// under way on it.
#[component]
fn MonthGrid(
    /// The month's first day.
    start: NaiveDate,
    /// The events that overlap the month.
    events: Vec<EventItem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lead = u64::from(start.weekday().num_days_from_monday());
    let first = start.checked_sub_days(Days::new(lead)).unwrap_or(start);
    let end = start.checked_add_months(Months::new(1)).unwrap_or(start);
    let mut weeks = Vec::new();
    let mut day = first;
    while day < end {
        let mut cells = Vec::new();
        for _ in 0..7 {
            let of_day: Vec<EventItem> = events
                .iter()
                .filter(|event| event.starts_on <= day && day <= event.ends_on)
                .cloned()
                .collect();
            let outside = day.month() != start.month();
            let links = of_day
                .into_iter()
                .map(|event| {
                    let cancelled = event.status == EventStatus::Cancelled;
                    view! {
                        <li class:cancelled=cancelled>
                            <A href=format!("/events/{}", event.id) {..} data-testid="calendar-event">{event.title}</A>
                        </li>
                    }
                })
                .collect_view();
            cells.push(view! {
                <td class:muted=outside data-testid=format!("day-{day}")>
                    <span class="day-number">{day.day()}</span>
                    <ul class="plain">{links}</ul>
                </td>
            });
            day = day.succ_opt().unwrap_or(day);
        }
        weeks.push(view! { <tr>{cells}</tr> });
    }
    view! {
        <table class="calendar" data-testid="calendar">
            <thead>
                <tr>
                    {move || {
                        i18n.t().events.weekdays.split(' ').map(|day| view! { <th>{day}</th> }).collect_view()
                    }}
                </tr>
            </thead>
            <tbody>{weeks}</tbody>
        </table>
    }
}

/// The events as a table: dates, title, form, level, organiser and status.
#[component]
fn EventList(
    /// The events, by first day.
    events: Vec<EventItem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = events
        .into_iter()
        .map(|event| {
            let (kind, level, status) = (event.kind, event.level, event.status);
            let (starts, ends) = (event.starts_on, event.ends_on);
            view! {
                <tr data-testid="event-row">
                    <td class="nowrap">
                        {move || {
                            let t = i18n.t();
                            if starts == ends { t.day(starts) } else { format!("{} – {}", t.day(starts), t.day(ends)) }
                        }}
                    </td>
                    <td>
                        <A href=format!("/events/{}", event.id) {..} data-testid="event-link">{event.title}</A>
                    </td>
                    <td>{move || i18n.t().events.kind_name(kind)}</td>
                    <td>{move || i18n.t().events.level_name(level)}</td>
                    <td>{event.organiser_name}</td>
                    <td data-testid="event-status">{move || i18n.t().events.status_name(status)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table" data-testid="events-table">
            <thead>
                <tr>
                    <th>{move || i18n.t().events.starts_on}</th>
                    <th>{move || i18n.t().events.title}</th>
                    <th>{move || i18n.t().events.kind}</th>
                    <th>{move || i18n.t().events.level}</th>
                    <th>{move || i18n.t().events.organiser_name}</th>
                    <th>{move || i18n.t().events.status}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
