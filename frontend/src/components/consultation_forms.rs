//! The forms of a consultation: asking for one, recording one given, scheduling it,
//! recording it held, declining or cancelling it (behind a confirmation), and rating it.

use crate::api;
use crate::api::ApiError;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::date_field::today_value;
use crate::components::error_alert::{ErrorAlert, failure};
use crate::components::form_actions::FormActions;
use crate::components::option_select::{OptionSelect, other_organisations};
use crate::components::select_field::SelectField;
use crate::components::text_field::{TextField, trimmed};
use crate::components::textarea_field::TextAreaField;
use crate::i18n::{Pick, use_i18n};
use chrono::NaiveDate;
use leptos::prelude::*;
use openapi::OrganisationId;
use openapi::consultations::{
    Consultation, ConsultationForm, ConsultationReasonInput, ConsultationRequestInput, GivenConsultationInput,
    HeldInput, ScheduleInput,
};
use openapi::feedback::FeedbackInput;
use openapi::organisations::OrganisationKind;

/// The message of a field from the last answer of `action`, named `name` on the wire.
fn field_of<I: 'static, T: 'static>(
    action: Action<I, Result<T, ApiError>>,
    name: &'static str,
) -> Signal<Option<&'static str>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        action.value().with(|result| match result {
            Some(Err(error)) => error.field(name).map(|code| i18n.t().field_error(code)),
            _ => None,
        })
    })
}

/// A day typed in a date input.
fn day(value: RwSignal<String>) -> NaiveDate {
    NaiveDate::parse_from_str(&value.get_untracked(), "%Y-%m-%d").unwrap_or_default()
}

/// «Попросить консультацию»: the school asked, the topic and the question.
#[component]
pub fn RequestForm(
    /// The caller's organisation, left out of the schools offered.
    own_org: Option<OrganisationId>,
    /// Called with the consultation once asked for.
    on_done: Callback<Consultation>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let host = RwSignal::new(None::<OrganisationId>);
    let topic = RwSignal::new(String::new());
    let question = RwSignal::new(String::new());
    let options = other_organisations(Some(OrganisationKind::School), own_org);
    let send = Action::new_local(move |input: &ConsultationRequestInput| {
        let input = input.clone();
        async move {
            let sent = api::consultations::request_consultation(&input).await;
            if let Ok(sent) = &sent {
                let sent = sent.clone();
                queue_microtask(move || on_done.run(sent));
            }
            sent
        }
    });
    let missing = RwSignal::new(false);
    let (i18n, host_refused) = (use_i18n(), field_of(send, "host_org_id"));
    let host_error = Signal::derive(move || {
        if missing.get() && host.with(Option::is_none) {
            Some(i18n.t().field_required)
        } else {
            host_refused.get()
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(host_org_id) = host.get_untracked() else {
            missing.set(true);
            return;
        };
        send.dispatch(ConsultationRequestInput {
            host_org_id,
            recipient_org_id: None,
            resource_id: None,
            topic: trimmed(topic),
            question: trimmed(question),
        });
    };
    view! {
        <form class="card form" data-testid="consultation-request-form" on:submit=submit>
            <OptionSelect
                id="consultation-host"
                label=|t| t.consultations.host
                none=|t| t.consultations.choose
                options=options
                value=host
                error=host_error
            />
            <TextField id="consultation-topic" label=|t| t.consultations.topic value=topic error=field_of(send, "topic") autocomplete="off"/>
            <TextAreaField id="consultation-question" label=|t| t.consultations.question value=question error=field_of(send, "question")/>
            <ErrorAlert error=failure(send)/>
            <FormActions submit=|t| t.consultations.submit_request pending=send.pending() submit_testid="consultation-request-submit" on_cancel=on_cancel/>
        </form>
    }
}

/// The fields of a consultation held, as typed.
#[derive(Clone, Copy)]
struct HeldFields {
    held_on: RwSignal<String>,
    form: RwSignal<ConsultationForm>,
    place: RwSignal<String>,
    consultants: RwSignal<String>,
    participants: RwSignal<String>,
    count: RwSignal<String>,
    outcome: RwSignal<String>,
    follow_ups: RwSignal<String>,
}

impl HeldFields {
    fn new() -> Self {
        Self {
            held_on: RwSignal::new(today_value()),
            form: RwSignal::new(ConsultationForm::InPerson),
            place: RwSignal::new(String::new()),
            consultants: RwSignal::new(String::new()),
            participants: RwSignal::new(String::new()),
            count: RwSignal::new(String::new()),
            outcome: RwSignal::new(String::new()),
            follow_ups: RwSignal::new(String::new()),
        }
    }

    fn input(self) -> HeldInput {
        HeldInput {
            held_on: day(self.held_on),
            form: self.form.get_untracked(),
            place: trimmed(self.place),
            consultants: trimmed(self.consultants),
            participants: trimmed(self.participants),
            participant_count: self.count.get_untracked().trim().parse().unwrap_or_default(),
            outcome: trimmed(self.outcome),
            follow_ups: trimmed(self.follow_ups),
        }
    }

    /// The inputs, with the messages of `action` for the fields named after `prefix`.
    fn view<I: 'static, T: 'static>(
        self,
        action: Action<I, Result<T, ApiError>>,
        prefix: &'static str,
    ) -> impl IntoView {
        let i18n = use_i18n();
        let error = move |name: &'static str| {
            Signal::derive(move || {
                action.value().with(|result| match result {
                    Some(Err(error)) => error
                        .field(&format!("{prefix}{name}"))
                        .map(|code| i18n.t().field_error(code)),
                    _ => None,
                })
            })
        };
        view! {
            <TextField id="consultation-held-on" label=|t| t.consultations.held_on value=self.held_on error=error("held_on") autocomplete="off" input_type="date"/>
            <SelectField id="consultation-held-form" label=|t| t.consultations.form value=self.form/>
            <TextField id="consultation-held-place" label=|t| t.consultations.place value=self.place error=error("place") autocomplete="off"/>
            <TextField id="consultation-consultants" label=|t| t.consultations.consultants value=self.consultants error=error("consultants") autocomplete="off"/>
            <TextField id="consultation-participants" label=|t| t.consultations.participants value=self.participants error=error("participants") autocomplete="off"/>
            <TextField id="consultation-participant-count" label=|t| t.consultations.participant_count value=self.count error=error("participant_count") autocomplete="off" input_type="number"/>
            <TextAreaField id="consultation-outcome" label=|t| t.consultations.outcome value=self.outcome error=error("outcome")/>
            <TextAreaField id="consultation-follow-ups" label=|t| t.consultations.follow_ups value=self.follow_ups error=error("follow_ups")/>
        }
    }
}

/// «Записать проведённую консультацию»: one the school gave without a request.
#[component]
pub fn GivenForm(
    /// The school, left out of the recipients offered.
    own_org: Option<OrganisationId>,
    /// Called with the consultation once recorded.
    on_done: Callback<Consultation>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let recipient = RwSignal::new(None::<OrganisationId>);
    let topic = RwSignal::new(String::new());
    let fields = HeldFields::new();
    let options = other_organisations(None, own_org);
    let record = Action::new_local(move |input: &GivenConsultationInput| {
        let input = input.clone();
        async move {
            let recorded = api::consultations::record_consultation(&input).await;
            if let Ok(recorded) = &recorded {
                let recorded = recorded.clone();
                queue_microtask(move || on_done.run(recorded));
            }
            recorded
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        record.dispatch(GivenConsultationInput {
            recipient_org_id: recipient.get_untracked().unwrap_or(OrganisationId(0)),
            resource_id: None,
            topic: trimmed(topic),
            held: fields.input(),
        });
    };
    view! {
        <form class="card form" data-testid="consultation-given-form" on:submit=submit>
            <OptionSelect
                id="consultation-recipient"
                label=|t| t.consultations.recipient_school
                none=|t| t.consultations.choose
                options=options
                value=recipient
                error=field_of(record, "recipient_org_id")
            />
            <TextField id="consultation-given-topic" label=|t| t.consultations.topic value=topic error=field_of(record, "topic") autocomplete="off"/>
            {fields.view(record, "held.")}
            <ErrorAlert error=failure(record)/>
            <FormActions submit=|t| t.consultations.save pending=record.pending() submit_testid="consultation-given-submit" on_cancel=on_cancel/>
        </form>
    }
}

/// «Назначить»: the day, the form, the place and the consultants.
#[component]
pub fn ScheduleForm(
    /// The consultation.
    consultation: Consultation,
    /// Called with the consultation once scheduled.
    on_done: Callback<Consultation>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let (id, version) = (consultation.id, consultation.version);
    let on = RwSignal::new(consultation.scheduled_on.map_or_else(today_value, |d| d.to_string()));
    let form = RwSignal::new(consultation.form.unwrap_or(ConsultationForm::InPerson));
    let place = RwSignal::new(consultation.place.clone());
    let consultants = RwSignal::new(consultation.consultants.clone());
    let save = Action::new_local(move |input: &ScheduleInput| {
        let input = input.clone();
        async move {
            let saved = api::consultations::schedule(id, version, &input).await;
            if let Ok(saved) = &saved {
                let saved = saved.clone();
                queue_microtask(move || on_done.run(saved));
            }
            saved
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        save.dispatch(ScheduleInput {
            scheduled_on: day(on),
            form: form.get_untracked(),
            place: trimmed(place),
            consultants: trimmed(consultants),
        });
    };
    view! {
        <form class="form inline-form" data-testid="consultation-schedule-form" on:submit=submit>
            <TextField id="consultation-scheduled-on" label=|t| t.consultations.scheduled_on value=on error=field_of(save, "scheduled_on") autocomplete="off" input_type="date"/>
            <SelectField id="consultation-form" label=|t| t.consultations.form value=form/>
            <TextField id="consultation-place" label=|t| t.consultations.place value=place error=field_of(save, "place") autocomplete="off"/>
            <TextField id="consultation-schedule-consultants" label=|t| t.consultations.consultants value=consultants error=field_of(save, "consultants") autocomplete="off"/>
            <ErrorAlert error=failure(save)/>
            <FormActions submit=|t| t.consultations.schedule pending=save.pending() submit_testid="consultation-schedule-submit" on_cancel=on_cancel/>
        </form>
    }
}

/// «Отметить проведённой»: how it was held, the outcome and the follow-ups.
#[component]
pub fn HoldForm(
    /// The consultation.
    consultation: Consultation,
    /// Called with the consultation once recorded as held.
    on_done: Callback<Consultation>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let (id, version) = (consultation.id, consultation.version);
    let fields = HeldFields::new();
    if let Some(form) = consultation.form {
        fields.form.set(form);
    }
    fields.place.set(consultation.place.clone());
    fields.consultants.set(consultation.consultants.clone());
    let save = Action::new_local(move |input: &HeldInput| {
        let input = input.clone();
        async move {
            let saved = api::consultations::hold(id, version, &input).await;
            if let Ok(saved) = &saved {
                let saved = saved.clone();
                queue_microtask(move || on_done.run(saved));
            }
            saved
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        save.dispatch(fields.input());
    };
    view! {
        <form class="form inline-form" data-testid="consultation-hold-form" on:submit=submit>
            {fields.view(save, "")}
            <ErrorAlert error=failure(save)/>
            <FormActions submit=|t| t.consultations.save pending=save.pending() submit_testid="consultation-hold-submit" on_cancel=on_cancel/>
        </form>
    }
}

/// «Отклонить» or «Отменить консультацию»: the reason, then a confirmation.
#[component]
pub fn CloseForm(
    /// The consultation.
    consultation: Consultation,
    /// Declines (the host's refusal of a request) rather than cancels.
    declines: bool,
    /// Called with the consultation once closed.
    on_done: Callback<Consultation>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let (id, version) = (consultation.id, consultation.version);
    let reason = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let close = Action::new_local(move |input: &ConsultationReasonInput| {
        let input = input.clone();
        async move {
            let closed = if declines {
                api::consultations::decline(id, version, &input).await
            } else {
                api::consultations::cancel(id, version, &input).await
            };
            if let Ok(closed) = &closed {
                let closed = closed.clone();
                queue_microtask(move || on_done.run(closed));
            }
            closed
        }
    });
    let (submit_label, title, text): (Pick, Pick, Pick) = if declines {
        (
            |t| t.consultations.decline,
            |t| t.consultations.decline_title,
            |t| t.consultations.decline_text,
        )
    } else {
        (
            |t| t.consultations.cancel,
            |t| t.consultations.cancel_title,
            |t| t.consultations.cancel_text,
        )
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        confirming.set(true);
    };
    let subject = consultation.topic.clone();
    view! {
        <form class="form inline-form" data-testid="consultation-close-form" on:submit=submit>
            <TextField id="consultation-reason" label=|t| t.consultations.reason value=reason error=field_of(close, "reason") autocomplete="off"/>
            <ErrorAlert error=failure(close)/>
            <FormActions submit=submit_label pending=close.pending() submit_testid="consultation-close-submit" on_cancel=on_cancel/>
        </form>
        <Show when=move || confirming.get()>
            <ConfirmDialog
                title=title
                text=text
                subject=subject.clone()
                confirm=submit_label
                on_confirm=Callback::new(move |()| {
                    confirming.set(false);
                    close.dispatch(ConsultationReasonInput { reason: trimmed(reason) });
                })
                on_cancel=Callback::new(move |()| confirming.set(false))
            />
        </Show>
    }
}

/// «Оценить консультацию»: satisfaction, likelihood to recommend, readiness, comment.
#[component]
pub fn RateForm(
    /// The consultation.
    consultation: Consultation,
    /// Called with the consultation once rated.
    on_done: Callback<Consultation>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = consultation.id;
    let csat = RwSignal::new(String::from("5"));
    let recommend = RwSignal::new(String::from("10"));
    let ready = RwSignal::new(true);
    let comment = RwSignal::new(String::new());
    let rate = Action::new_local(move |input: &FeedbackInput| {
        let input = input.clone();
        async move {
            let rated = api::consultations::rate(id, &input).await;
            if let Ok(rated) = &rated {
                let rated = rated.clone();
                queue_microtask(move || on_done.run(rated));
            }
            rated
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let number = |value: RwSignal<String>| value.get_untracked().trim().parse().unwrap_or(u8::MAX);
        rate.dispatch(FeedbackInput {
            csat: number(csat),
            recommend: number(recommend),
            ready: ready.get_untracked(),
            comment: trimmed(comment),
        });
    };
    view! {
        <form class="form inline-form" data-testid="consultation-rate-form" on:submit=submit>
            <TextField id="consultation-csat" label=|t| t.consultations.csat value=csat error=field_of(rate, "csat") autocomplete="off" input_type="number"/>
            <TextField id="consultation-recommend" label=|t| t.consultations.recommend value=recommend error=field_of(rate, "recommend") autocomplete="off" input_type="number"/>
            <div class="field checkbox">
                <label>
                    <input
                        type="checkbox"
                        data-testid="consultation-ready"
                        prop:checked=move || ready.get()
                        on:change=move |event| ready.set(event_target_checked(&event))
                    />
                    {move || i18n.t().consultations.ready}
                </label>
            </div>
            <TextAreaField id="consultation-comment" label=|t| t.consultations.comment value=comment error=field_of(rate, "comment")/>
            <ErrorAlert error=failure(rate)/>
            <FormActions submit=|t| t.consultations.send_rating pending=rate.pending() submit_testid="consultation-rate-submit" on_cancel=on_cancel/>
        </form>
    }
}
