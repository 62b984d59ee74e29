//! The form that records or changes an event.

use crate::api;
use crate::i18n::use_i18n;
use crate::ui::date_field::{DateField, parse_date, today_value};
use crate::ui::error_alert::{ErrorAlert, general_failure};
use crate::ui::form_actions::FormActions;
use crate::ui::select_field::SelectField;
use crate::ui::text_field::{TextField, lines, trimmed};
use crate::ui::textarea_field::TextAreaField;
use leptos::prelude::*;
use openapi::events::{Event, EventInput, EventKind, EventLevel, EventRole};

/// What, when, where, who speaks, whether the city may register and how many places;
/// a participant's event names its organiser. Field errors of the server's 422 are shown
/// next to their fields. `event` is the event to change, `None` for a new draft.
#[component]
pub fn EventForm(
    /// The event as read, to change; `None` records a new one.
    event: Option<Event>,
    /// Called with the saved event.
    on_saved: Callback<Event>,
    /// Called when the user gives up.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let original = event.clone();
    let participant = RwSignal::new(event.as_ref().is_some_and(|e| e.role == EventRole::Participant));
    let organiser_name = RwSignal::new(
        event
            .as_ref()
            .filter(|e| e.role == EventRole::Participant)
            .map(|e| e.organiser_name.clone())
            .unwrap_or_default(),
    );
    let kind = RwSignal::new(event.as_ref().map_or(EventKind::Seminar, |e| e.kind));
    let level = RwSignal::new(event.as_ref().map_or(EventLevel::Municipal, |e| e.level));
    let title = RwSignal::new(event.as_ref().map(|e| e.title.clone()).unwrap_or_default());
    let description = RwSignal::new(event.as_ref().map(|e| e.description.clone()).unwrap_or_default());
    let starts_on = RwSignal::new(event.as_ref().map_or_else(today_value, |e| e.starts_on.to_string()));
    let ends_on = RwSignal::new(event.as_ref().map_or_else(today_value, |e| e.ends_on.to_string()));
    let time_text = RwSignal::new(event.as_ref().map(|e| e.time_text.clone()).unwrap_or_default());
    let place = RwSignal::new(event.as_ref().map(|e| e.place.clone()).unwrap_or_default());
    let online_url = RwSignal::new(event.as_ref().map(|e| e.online_url.clone()).unwrap_or_default());
    let speakers = RwSignal::new(event.as_ref().map(|e| e.speakers.join("\n")).unwrap_or_default());
    let open = RwSignal::new(event.as_ref().is_some_and(|e| e.open_to_city));
    let capacity = RwSignal::new(
        event
            .as_ref()
            .and_then(|e| e.capacity)
            .map_or_else(|| "30".to_owned(), |c| c.to_string()),
    );
    let resource_ids = event
        .as_ref()
        .map(|e| e.resources.iter().map(|r| r.resource_id).collect::<Vec<_>>())
        .unwrap_or_default();
    let save = Action::new_local(move |input: &EventInput| {
        let (input, original) = (input.clone(), original.clone());
        async move {
            let saved = match original {
                Some(event) => api::events::update_event(event.id, event.version, &input).await,
                None => api::events::create_event(&input).await,
            };
            if let Ok(event) = &saved {
                let event = event.clone();
                queue_microtask(move || on_saved.run(event));
            }
            saved
        }
    });
    let checked = RwSignal::new(false);
    let server = move |name: &'static str| {
        Signal::derive(move || {
            save.value().with(|result| match result {
                Some(Err(error)) => error.field(name).map(|code| i18n.t().field_error(code)),
                _ => None,
            })
        })
    };
    let general = general_failure(save);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        checked.set(true);
        let open_to_city = open.get_untracked() && !participant.get_untracked();
        save.dispatch(EventInput {
            role: if participant.get_untracked() {
                EventRole::Participant
            } else {
                EventRole::Organiser
            },
            organiser_name: trimmed(organiser_name),
            kind: kind.get_untracked(),
            level: level.get_untracked(),
            title: trimmed(title),
            description: trimmed(description),
            // An unreadable date is sent as a day the server refuses with its field named.
            starts_on: parse_date(&starts_on.get_untracked()).unwrap_or_default(),
            ends_on: parse_date(&ends_on.get_untracked()).unwrap_or_default(),
            time_text: trimmed(time_text),
            place: trimmed(place),
            online_url: trimmed(online_url),
            speakers: lines(speakers),
            resource_ids: resource_ids.clone(),
            open_to_city,
            capacity: open_to_city.then(|| trimmed(capacity).parse().unwrap_or(0)),
        });
    };

    view! {
        <form class="card form" on:submit=submit data-testid="event-form" novalidate>
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="event-participant"
                    prop:checked=move || participant.get()
                    on:change=move |event| participant.set(event_target_checked(&event))
                />
                " " {move || i18n.t().events.role_participant}
            </label>
            <Show when=move || participant.get()>
                <TextField
                    id="event-organiser-name"
                    label=|t| t.events.organiser_name
                    value=organiser_name
                    error=server("organiser_name")
                    autocomplete="organization"
                />
            </Show>
            <SelectField id="event-kind" label=|t| t.events.kind value=kind/>
            <SelectField id="event-level" label=|t| t.events.level value=level/>
            <TextField id="event-title" label=|t| t.events.title value=title error=server("title") autocomplete="off"/>
            <TextAreaField id="event-description" label=|t| t.events.description value=description error=server("description")/>
            <DateField id="event-starts-on" label=|t| t.events.starts_on value=starts_on checked=checked error=server("starts_on")/>
            <DateField id="event-ends-on" label=|t| t.events.ends_on value=ends_on checked=checked error=server("ends_on")/>
            <TextField id="event-time" label=|t| t.events.time_text value=time_text error=server("time_text") autocomplete="off"/>
            <TextField id="event-place" label=|t| t.events.place value=place error=server("place") autocomplete="off"/>
            <TextField id="event-online-url" label=|t| t.events.online_url value=online_url error=server("online_url") autocomplete="url"/>
            <TextAreaField id="event-speakers" label=|t| t.events.speakers value=speakers error=server("speakers")/>
            <Show when=move || !participant.get()>
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="event-open"
                        prop:checked=move || open.get()
                        on:change=move |event| open.set(event_target_checked(&event))
                    />
                    " " {move || i18n.t().events.open_to_city}
                </label>
                <Show when=move || open.get()>
                    <TextField
                        id="event-capacity"
                        label=|t| t.events.capacity
                        input_type="number"
                        value=capacity
                        error=server("capacity")
                        autocomplete="off"
                    />
                </Show>
            </Show>
            <ErrorAlert error=general/>
            <FormActions submit=|t| t.events.save pending=save.pending() submit_testid="event-save" on_cancel=on_cancel/>
        </form>
    }
}
