//! `/events/:id`: one event — its details, registration with the confirmation code, the
//! organisers' list of registrations with attendance, materials and the attendees'
//! feedback; a fair's stands.

use crate::access;
use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::features::events::event_form::EventForm;
use crate::features::events::fair_stands::FairStands;
use crate::i18n::{Pick, use_i18n};
use crate::ui::attachments::Attachments;
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::loading::Loading;
use crate::ui::text_field::trimmed;
use crate::ui::textarea_field::TextAreaField;
use leptos::Params;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use openapi::EventId;
use openapi::events::{
    AttendanceInput, Event, EventFeedbackInput, EventKind, EventRole, EventStatus, RegistrationStatus,
};

/// The path of an event's page.
#[derive(Debug, Clone, PartialEq, Params)]
struct EventParams {
    /// The event's id.
    id: Option<i64>,
}

/// The event page: the details for everyone who reads it; what the signed-in user may do
/// with it is decided by the same rules the server applies.
#[component]
pub fn EventPage() -> impl IntoView {
    let params = use_params::<EventParams>();
    let id = Memo::new(move |_| params.with(|params| params.as_ref().ok().and_then(|params| params.id)));
    let event = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::events::get_event(EventId(id)).await,
                None => Err(ApiError::not_found()),
            }
        }
    });
    let changed = Callback::new(move |saved: Event| event.set(Some(Ok(saved))));
    let reload = Callback::new(move |()| event.refetch());
    view! {
        <section class="page" data-testid="event-page">
            {move || match event.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(error)) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Some(Ok(event)) => view! { <EventDetails event=event on_changed=changed on_reload=reload/> }.into_any(),
            }}
        </section>
    }
}

/// An event's details and the sections the user may use.
#[component]
fn EventDetails(event: Event, on_changed: Callback<Event>, on_reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let org = event.org_id;
    let organiser = auth
        .with_me_untracked(|me| access::may_manage_events(me, org))
        .unwrap_or(false);
    let reads_registrations = auth
        .with_me_untracked(|me| access::may_read_registrations(me, org))
        .unwrap_or(false);
    let editing = RwSignal::new(false);
    let (kind, level, status) = (event.kind, event.level, event.status);
    let (starts, ends) = (event.starts_on, event.ends_on);
    let open = event.status == EventStatus::Published && event.open_to_city;
    let fair =
        event.kind == EventKind::Fair && event.role == EventRole::Organiser && event.status != EventStatus::Draft;
    let places = event
        .capacity
        .map(|capacity| format!("{} / {capacity}", event.registered));
    let where_ = [event.place.clone(), event.online_url.clone()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let speakers = event.speakers.join(", ");
    let organiser_name = event.organiser_name.clone();
    let resources = event
        .resources
        .clone()
        .into_iter()
        .map(|resource| {
            view! {
                <li>
                    <A href=format!("/resources/{}", resource.resource_id)>{resource.title}</A>
                </li>
            }
        })
        .collect_view();
    let feedback = event.feedback.clone();
    let edited = event.clone();
    let saved = Callback::new(move |saved: Event| {
        editing.set(false);
        on_changed.run(saved);
    });
    let upload_to =
        (organiser && status != EventStatus::Cancelled).then_some(api::attachments::AttachTo::Event(event.id.0));

    view! {
        <h1 data-testid="event-title">{event.title.clone()}</h1>
        <p class="meta">
            <span class="badge" data-testid="event-status">{move || i18n.t().events.status_name(status)}</span>
            " " {move || i18n.t().events.kind_name(kind)} " · " {move || i18n.t().events.level_name(level)}
        </p>
        <p data-testid="event-dates">
            {move || {
                let t = i18n.t();
                if starts == ends { t.day(starts) } else { format!("{} – {}", t.day(starts), t.day(ends)) }
            }}
            {(!event.time_text.is_empty()).then(|| format!(", {}", event.time_text))}
        </p>
        <p>{move || i18n.t().events.organiser_name} ": " <A href=format!("/events?org_id={org}")>{organiser_name}</A></p>
        {(!where_.is_empty()).then(|| view! { <p>{move || i18n.t().events.place} ": " {where_.clone()}</p> })}
        {(!event.description.is_empty()).then(|| view! { <p>{event.description.clone()}</p> })}
        {(!speakers.is_empty()).then(|| view! { <p>{move || i18n.t().events.speakers_heading} ": " {speakers.clone()}</p> })}
        {(!event.resources.is_empty())
            .then(|| view! { <h2>{move || i18n.t().events.resources}</h2> <ul>{resources}</ul> })}
        {places.map(|places| view! { <p>{move || i18n.t().events.places} ": " <span data-testid="event-places">{places.clone()}</span></p> })}
        {organiser
            .then(|| {
                view! {
                    <OrganiserActions event=event.clone() editing=editing on_changed=on_changed/>
                }
            })}
        <Show when=move || editing.get()>
            <EventForm event=Some(edited.clone()) on_saved=saved on_cancel=Callback::new(move |()| editing.set(false))/>
        </Show>
        {open.then(|| view! { <RegistrationBox event=event.clone() on_reload=on_reload/> })}
        {(!open)
            .then(|| {
                event
                    .my_registration
                    .clone()
                    .filter(|mine| mine.status == RegistrationStatus::Confirmed)
                    .map(|mine| {
                        view! {
                            <p data-testid="registration-confirmed">
                                {move || i18n.t().events.registered} " " <strong>{mine.code.clone()}</strong>
                            </p>
                        }
                    })
            })}
        <h2>{move || i18n.t().events.materials}</h2>
        <Attachments files=event.attachments.clone() upload_to=upload_to may_delete=organiser/>
        {reads_registrations.then(|| view! { <Registrations event=event.clone() may_mark=organiser/> })}
        <h2>{move || i18n.t().events.feedback}</h2>
        <p data-testid="event-feedback">
            {move || {
                let t = i18n.t();
                match feedback.mean {
                    Some(mean) => format!("{}: {mean:.2} · {}: {}", t.events.feedback_mean, t.events.feedback_count, feedback.count),
                    None => t.events.feedback_none.to_owned(),
                }
            }}
        </p>
        {event.my_feedback_due.then(|| view! { <FeedbackForm id=event.id on_sent=on_reload/> })}
        {fair.then(|| view! { <FairStands event=event.clone()/> })}
    }
}

/// «Изменить», «Опубликовать», «Отменить мероприятие» (behind a confirmation) and
/// «Запросить отзывы участников».
#[component]
fn OrganiserActions(event: Event, editing: RwSignal<bool>, on_changed: Callback<Event>) -> impl IntoView {
    let i18n = use_i18n();
    let (id, version, status) = (event.id, event.version, event.status);
    let confirming = RwSignal::new(None::<bool>);
    let act = Action::new_local(move |step: &Step| {
        let step = *step;
        async move {
            let done = match step {
                Step::Publish => api::events::publish_event(id, version).await,
                Step::Cancel => api::events::cancel_event(id, version).await,
                Step::AskFeedback => api::events::request_feedback(id).await,
            };
            if let Ok(event) = &done {
                let event = event.clone();
                queue_microtask(move || on_changed.run(event));
            }
            done
        }
    });
    let asked = event.feedback_requested_at.is_some();
    let live = status != EventStatus::Cancelled;
    let dialog = move || {
        confirming.get().map(|publish| {
            let (title, text, confirm): (Pick, Pick, Pick) = if publish {
                (
                    |t| t.events.publish_title,
                    |t| t.events.publish_text,
                    |t| t.events.publish,
                )
            } else {
                (|t| t.events.cancel_title, |t| t.events.cancel_text, |t| t.events.cancel)
            };
            view! {
                <ConfirmDialog
                    title=title
                    text=text
                    subject=event.title.clone()
                    confirm=confirm
                    on_confirm=Callback::new(move |()| {
                        confirming.set(None);
                        act.dispatch(if publish { Step::Publish } else { Step::Cancel });
                    })
                    on_cancel=Callback::new(move |()| confirming.set(None))
                />
            }
        })
    };
    view! {
        <div class="form-actions">
            {live
                .then(|| {
                    view! {
                        <button type="button" class="button" data-testid="event-edit" on:click=move |_| editing.set(true)>
                            {move || i18n.t().events.edit}
                        </button>
                    }
                })}
            {(status == EventStatus::Draft)
                .then(|| {
                    view! {
                        <button type="button" class="button primary" data-testid="event-publish" on:click=move |_| confirming.set(Some(true))>
                            {move || i18n.t().events.publish}
                        </button>
                    }
                })}
            {(status == EventStatus::Published && !asked)
                .then(|| {
                    view! {
                        <button type="button" class="button" data-testid="event-ask-feedback" on:click=move |_| { act.dispatch(Step::AskFeedback); }>
                            {move || i18n.t().events.request_feedback}
                        </button>
                    }
                })}
            {asked.then(|| view! { <span class="badge" data-testid="feedback-requested">{move || i18n.t().events.feedback_requested}</span> })}
            {live
                .then(|| {
                    view! {
                        <button type="button" class="button danger" data-testid="event-cancel" on:click=move |_| confirming.set(Some(false))>
                            {move || i18n.t().events.cancel}
                        </button>
                    }
                })}
        </div>
        <ErrorAlert error=failure(act)/>
        {dialog}
    }
}

/// An organiser's step on the event.
#[derive(Debug, Clone, Copy)]
enum Step {
    Publish,
    Cancel,
    AskFeedback,
}

/// «Зарегистрироваться» or the confirmation code with «Отменить регистрацию».
#[component]
fn RegistrationBox(event: Event, on_reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let id = event.id;
    let mine = event
        .my_registration
        .clone()
        .filter(|mine| mine.status == RegistrationStatus::Confirmed);
    let register = Action::new_local(move |(): &()| async move {
        let done = api::events::register(id).await.map(|_| ());
        if done.is_ok() {
            queue_microtask(move || on_reload.run(()));
        }
        done
    });
    let unregister = Action::new_local(move |(): &()| async move {
        let done = api::events::unregister(id).await;
        if done.is_ok() {
            queue_microtask(move || on_reload.run(()));
        }
        done
    });
    view! {
        <div class="card" data-testid="registration">
            {match mine {
                Some(mine) => {
                    view! {
                        <p data-testid="registration-confirmed">
                            {move || i18n.t().events.registered} " " <strong data-testid="registration-code">{mine.code.clone()}</strong>
                        </p>
                        <button type="button" class="button" data-testid="event-unregister" on:click=move |_| { unregister.dispatch(()); }>
                            {move || i18n.t().events.unregister}
                        </button>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <button type="button" class="button primary" data-testid="event-register" on:click=move |_| { register.dispatch(()); }>
                            {move || i18n.t().events.register}
                        </button>
                    }
                        .into_any()
                }
            }}
            <ErrorAlert error=failure(register)/>
            <ErrorAlert error=failure(unregister)/>
        </div>
    }
}

/// The registrations with their codes; the organisers tick who attended and save (the
/// list is read again, the page stays, so «Посещение отмечено» stays in view).
#[component]
fn Registrations(event: Event, may_mark: bool) -> impl IntoView {
    let i18n = use_i18n();
    let id = event.id;
    let list = LocalResource::new(move || api::events::list_registrations(id));
    let present = RwSignal::new(Vec::<openapi::RegistrationId>::new());
    Effect::new(move |_| {
        if let Some(Ok(page)) = list.get() {
            present.set(page.items.iter().filter(|r| r.attended).map(|r| r.id).collect());
        }
    });
    let save = Action::new_local(move |(): &()| async move {
        let input = AttendanceInput {
            attended: present.get_untracked(),
        };
        let saved = api::events::mark_attendance(id, &input).await;
        if saved.is_ok() {
            list.refetch();
        }
        saved
    });
    let rows = move || {
        let items = match list.get() {
            None => return view! { <Loading/> }.into_any(),
            Some(Err(error)) => return view! { <ErrorAlert error=Some(error)/> }.into_any(),
            Some(Ok(page)) => page.items,
        };
        if items.is_empty() {
            return view! { <p class="muted">{move || i18n.t().events.registrations_none}</p> }.into_any();
        }
        let rows = items
            .into_iter()
            .map(|registration| {
                let rid = registration.id;
                let confirmed = registration.status == RegistrationStatus::Confirmed;
                let status = registration.status;
                view! {
                    <tr data-testid="registration-row">
                        <td>{registration.full_name.clone()}</td>
                        <td>{registration.org_name.clone()}</td>
                        <td>{registration.code.clone()} " " {move || i18n.t().events.registration_status(status)}</td>
                        <td>
                            <input
                                type="checkbox"
                                data-testid=format!("attended-{rid}")
                                disabled=!(may_mark && confirmed)
                                prop:checked=move || present.with(|ids| ids.contains(&rid))
                                on:change=move |event| {
                                    let on = event_target_checked(&event);
                                    present.update(|ids| {
                                        ids.retain(|id| *id != rid);
                                        if on {
                                            ids.push(rid);
                                        }
                                    });
                                }
                            />
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="table" data-testid="registrations">
                <thead>
                    <tr>
                        <th>{move || i18n.t().events.registrant}</th>
                        <th>{move || i18n.t().events.organisation}</th>
                        <th>{move || i18n.t().events.code}</th>
                        <th>{move || i18n.t().events.attended}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <h2>{move || i18n.t().events.registrations} " (" {event.registered} ")"</h2>
        {rows}
        {may_mark
            .then(|| {
                view! {
                    <button type="button" class="button" data-testid="save-attendance" on:click=move |_| { save.dispatch(()); }>
                        {move || i18n.t().events.save_attendance}
                    </button>
                    <Show when=move || save.value().with(|done| matches!(done, Some(Ok(_))))>
                        <p class="success" role="status" data-testid="attendance-saved">{move || i18n.t().events.attendance_saved}</p>
                    </Show>
                }
            })}
        <ErrorAlert error=failure(save)/>
    }
}

/// «Мероприятие ждёт вашего отзыва»: satisfaction 1–5 and a comment, sent once.
#[component]
fn FeedbackForm(id: EventId, on_sent: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let csat = RwSignal::new(5_u8);
    let comment = RwSignal::new(String::new());
    let send = Action::new_local(move |input: &EventFeedbackInput| {
        let input = input.clone();
        async move {
            let sent = api::events::answer(id, &input).await.map(|_| ());
            if sent.is_ok() {
                queue_microtask(move || on_sent.run(()));
            }
            sent
        }
    });
    let never = Signal::stored(None::<&'static str>);
    view! {
        <form
            class="card form"
            data-testid="event-feedback-form"
            on:submit=move |event: leptos::ev::SubmitEvent| {
                event.prevent_default();
                send.dispatch(EventFeedbackInput { csat: csat.get_untracked(), comment: trimmed(comment) });
            }
        >
            <p class="warning">{move || i18n.t().events.feedback_due}</p>
            <div class="field">
                <label for="event-csat">{move || i18n.t().events.csat}</label>
                <select
                    id="event-csat"
                    data-testid="event-csat"
                    on:change=move |event| csat.set(event_target_value(&event).parse().unwrap_or(5))
                >
                    {[5_u8, 4, 3, 2, 1].into_iter().map(|score| view! { <option value=score.to_string()>{score}</option> }).collect_view()}
                </select>
            </div>
            <TextAreaField id="event-comment" label=|t| t.events.comment value=comment error=never/>
            <button type="submit" class="button primary" data-testid="event-feedback-send">{move || i18n.t().events.send_feedback}</button>
            <ErrorAlert error=failure(send)/>
        </form>
    }
}
