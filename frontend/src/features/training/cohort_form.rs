//! «Открыть поток» or, given `cohort`, «Изменить поток»: title, dates, format, hours,

use crate::api;
use crate::i18n::use_i18n;
use crate::ui::date_field::{DateField, parse_date, today_value};
use crate::ui::error_alert::{ErrorAlert, failure, general_failure};
use crate::ui::field_error::{FieldError, server_message_for};
use crate::ui::form_actions::FormActions;
use crate::ui::select_field::SelectField;
use crate::ui::text_field::{TextField, lines, trimmed};
use crate::ui::textarea_field::TextAreaField;
use leptos::prelude::*;
use openapi::cohorts::{Cohort, CohortInput, CohortSession, CohortSessionInput};
use openapi::resources::ProgrammeFormat;
use openapi::{CohortSessionId, ResourceId};

/// «Открыть поток» or, given `cohort`, «Изменить поток»: title, dates, format, hours,
/// places, place or link, trainers (one per line) and the sessions (a session removed is
/// removed with its marks). The server's field errors are shown at their fields, a
/// session's at its row; a change made meanwhile by someone else is refused (412).
#[component]
pub fn CohortForm(
    resource: ResourceId,
    format: ProgrammeFormat,
    hours: Option<i32>,
    /// The cohort to change; none opens a new one.
    #[prop(optional)]
    cohort: Option<Cohort>,
    on_saved: Callback<Cohort>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let stored = cohort.as_ref();
    let title = RwSignal::new(stored.map(|c| c.title.clone()).unwrap_or_default());
    let starts_on = RwSignal::new(stored.map_or_else(today_value, |c| c.starts_on.to_string()));
    let ends_on = RwSignal::new(stored.map_or_else(today_value, |c| c.ends_on.to_string()));
    let chosen_format = RwSignal::new(stored.map_or(format, |c| c.format));
    let planned = stored.map(|c| c.hours).or(hours);
    let planned_hours = RwSignal::new(planned.map(|hours| hours.to_string()).unwrap_or_default());
    let capacity = RwSignal::new(stored.map_or_else(|| String::from("20"), |c| c.capacity.to_string()));
    let threshold = RwSignal::new(stored.map_or_else(
        || openapi::limits::DEFAULT_ATTENDANCE_THRESHOLD.to_string(),
        |c| c.attendance_threshold.to_string(),
    ));
    let place = RwSignal::new(stored.map(|c| c.place.clone()).unwrap_or_default());
    let online_link = RwSignal::new(stored.map(|c| c.online_link.clone()).unwrap_or_default());
    let trainers = RwSignal::new(stored.map(|c| c.trainers.join("\n")).unwrap_or_default());
    let rows: Vec<SessionRow> = stored
        .map(|c| {
            c.sessions
                .iter()
                .enumerate()
                .map(|(key, session)| SessionRow::of(key, session))
                .collect()
        })
        .unwrap_or_default();
    let next_key = StoredValue::new(rows.len());
    let sessions = RwSignal::new(rows);
    let editing = cohort.as_ref().map(|c| (c.id, c.version));
    let add_session = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        let day = starts_on.get_untracked();
        sessions.update(|rows| rows.push(SessionRow::new(key, day)));
    };
    let save = Action::new_local(move |input: &CohortInput| {
        let input = input.clone();
        async move {
            let saved = match editing {
                Some((id, version)) => api::cohorts::update_cohort(id, version, &input).await,
                None => api::cohorts::create_cohort(resource, &input).await,
            };
            if let Ok(cohort) = &saved {
                let cohort = cohort.clone();
                queue_microtask(move || on_saved.run(cohort));
            }
            saved
        }
    });
    let checked = RwSignal::new(false);
    let failed = failure(save);
    let server = move |name: String| server_message_for(failed, move || name.clone());
    let title_message = Signal::derive({
        let server = server("title".to_owned());
        move || {
            if checked.get() && title.with(|text| text.trim().is_empty()) {
                Some(i18n.t().field_required)
            } else {
                server.get()
            }
        }
    });
    let general = general_failure(save);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        checked.set(true);
        if trimmed(title).is_empty() {
            return;
        }
        let hours = trimmed(planned_hours);
        save.dispatch(CohortInput {
            title: trimmed(title),
            // An unreadable date is sent as a day the server refuses with its field named.
            starts_on: parse_date(&starts_on.get_untracked()).unwrap_or_default(),
            ends_on: parse_date(&ends_on.get_untracked()).unwrap_or_default(),
            format: Some(chosen_format.get_untracked()),
            hours: (!hours.is_empty()).then(|| hours.parse().unwrap_or(0)),
            capacity: trimmed(capacity).parse().unwrap_or(0),
            attendance_threshold: Some(trimmed(threshold).parse().unwrap_or(0)),
            place: trimmed(place),
            online_link: trimmed(online_link),
            trainers: lines(trainers),
            sessions: sessions
                .get_untracked()
                .into_iter()
                .map(|row| CohortSessionInput {
                    id: row.id,
                    held_on: parse_date(&row.held_on.get_untracked()).unwrap_or_default(),
                    topic: trimmed(row.topic),
                    hours: trimmed(row.hours).parse().unwrap_or(0),
                })
                .collect(),
        });
    };
    let session_rows = move || {
        sessions
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, row)| {
                let at = |field: &str| format!("sessions[{index}].{field}");
                let key = row.key;
                view! {
                    <div class="session-row" data-testid="cohort-session">
                        <TextField id=format!("cohort-session-{key}-day") label=|t| t.cohorts.session_day value=row.held_on
                            error=server(at("held_on")) autocomplete="off" input_type="date" testid=false/>
                        <TextField id=format!("cohort-session-{key}-topic") label=|t| t.cohorts.session_topic value=row.topic
                            error=server(at("topic")) autocomplete="off" testid=false/>
                        <TextField id=format!("cohort-session-{key}-hours") label=|t| t.cohorts.session_hours value=row.hours
                            error=server(at("hours")) autocomplete="off" input_type="number" testid=false/>
                        <button
                            type="button"
                            class="button button-link"
                            data-testid="remove-cohort-session"
                            on:click=move |_| sessions.update(|rows| rows.retain(|kept| kept.key != key))
                        >
                            {move || i18n.t().cohorts.remove_session}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <form class="card form" data-testid="cohort-form" on:submit=submit novalidate>
            <h3>{move || if editing.is_some() { i18n.t().cohorts.edit } else { i18n.t().cohorts.open }}</h3>
            <TextField id="cohort-title" label=|t| t.cohorts.title value=title error=title_message autocomplete="off"/>
            <DateField id="cohort-starts-on" label=|t| t.cohorts.starts_on value=starts_on checked=checked
                error=server("starts_on".to_owned())/>
            <DateField id="cohort-ends-on" label=|t| t.cohorts.ends_on value=ends_on checked=checked
                error=server("ends_on".to_owned())/>
            <SelectField id="cohort-format" label=|t| t.cohorts.format value=chosen_format error=server("format".to_owned())/>
            <TextField id="cohort-hours" label=|t| t.cohorts.hours value=planned_hours error=server("hours".to_owned())
                autocomplete="off" input_type="number" hint=|t| t.cohorts.hours_hint/>
            <TextField id="cohort-capacity" label=|t| t.cohorts.capacity value=capacity error=server("capacity".to_owned())
                autocomplete="off" input_type="number"/>
            <TextField id="cohort-attendance-threshold" label=|t| t.cohorts.attendance_threshold value=threshold
                error=server("attendance_threshold".to_owned()) autocomplete="off" input_type="number"
                hint=|t| t.cohorts.attendance_threshold_hint/>
            <TextField id="cohort-place" label=|t| t.cohorts.place value=place error=server("place".to_owned()) autocomplete="off"/>
            <TextField id="cohort-online-link" label=|t| t.cohorts.online_link value=online_link
                error=server("online_link".to_owned()) autocomplete="url"/>
            <TextAreaField id="cohort-trainers" label=|t| t.cohorts.trainers_field value=trainers error=server("trainers".to_owned())/>
            <fieldset class="field field-wide" data-testid="cohort-sessions">
                <legend>{move || i18n.t().cohorts.sessions}</legend>
                {session_rows}
                <FieldError id="cohort-sessions-error" message=server("sessions".to_owned())/>
                <button type="button" class="button" data-testid="add-cohort-session" on:click=add_session>
                    {move || i18n.t().cohorts.add_session}
                </button>
            </fieldset>
            <ErrorAlert error=general testid="cohort-error"/>
            <FormActions
                submit=if editing.is_some() { |t| t.cohorts.save } else { |t| t.cohorts.open }
                pending=save.pending()
                submit_testid="cohort-submit"
                on_cancel=on_cancel
            />
        </form>
    }
}

/// One session row of the form, its values as typed.
#[derive(Clone, Copy)]
struct SessionRow {
    /// A key that stays with the row when others are removed.
    key: usize,
    /// The stored session this row changes; none for a new one.
    id: Option<CohortSessionId>,
    held_on: RwSignal<String>,
    topic: RwSignal<String>,
    hours: RwSignal<String>,
}

impl SessionRow {
    fn new(key: usize, held_on: String) -> Self {
        Self {
            key,
            id: None,
            held_on: RwSignal::new(held_on),
            topic: RwSignal::new(String::new()),
            hours: RwSignal::new(String::from("2")),
        }
    }

    /// A row holding a stored session.
    fn of(key: usize, session: &CohortSession) -> Self {
        Self {
            key,
            id: Some(session.id),
            held_on: RwSignal::new(session.held_on.to_string()),
            topic: RwSignal::new(session.topic.clone()),
            hours: RwSignal::new(session.hours.to_string()),
        }
    }
}
