//! One consultation: who consults whom on what, where it stands, how it went, what the
//! recipient said, and the actions the signed-in user may take on it.

use crate::access;
use crate::auth::use_auth;
use crate::features::consultations::close_form::CloseForm;
use crate::features::consultations::hold_form::HoldForm;
use crate::features::consultations::rate_form::RateForm;
use crate::features::consultations::schedule_form::ScheduleForm;
use crate::i18n::{Pick, use_i18n};
use leptos::prelude::*;
use openapi::consultations::{Consultation, ConsultationStatus};
use rules::policy::{self, Actor};

/// Which form of the card is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Schedule,
    Hold,
    Decline,
    Cancel,
    Rate,
}

/// A consultation with its actions; `changed` is bumped after every change.
#[component]
pub fn ConsultationCard(
    /// The consultation as read.
    consultation: Consultation,
    /// Bumped after a change, so that the list is read again.
    changed: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let (hosts, receives) = auth
        .with_me_untracked(|me| {
            let actor = Actor::from(me);
            (
                access::may_consult(me) && me.organisation.id == consultation.host_org_id,
                policy::acts_for_consultation_recipient(&actor, consultation.recipient_org_id),
            )
        })
        .unwrap_or_default();
    let status = consultation.status;
    let open_now = matches!(status, ConsultationStatus::Requested | ConsultationStatus::Scheduled);
    let open = RwSignal::new(None::<Open>);
    let done = Callback::new(move |_: Consultation| {
        open.set(None);
        changed.update(|count| *count += 1);
    });
    let close = Callback::new(move |()| open.set(None));
    let button = move |which: Open, label: Pick, testid: &'static str| {
        view! {
            <button type="button" class="button" data-testid=testid on:click=move |_| open.set(Some(which))>
                {move || label(i18n.t())}
            </button>
        }
    };
    let c = consultation.clone();
    let form = move || {
        let c = c.clone();
        open.get().map(|which| match which {
            Open::Schedule => view! { <ScheduleForm consultation=c on_done=done on_cancel=close/> }.into_any(),
            Open::Hold => view! { <HoldForm consultation=c on_done=done on_cancel=close/> }.into_any(),
            Open::Decline => {
                view! { <CloseForm consultation=c declines=true on_done=done on_cancel=close/> }.into_any()
            }
            Open::Cancel => {
                view! { <CloseForm consultation=c declines=false on_done=done on_cancel=close/> }.into_any()
            }
            Open::Rate => view! { <RateForm consultation=c on_done=done on_cancel=close/> }.into_any(),
        })
    };
    let row = |label: Pick, value: String| {
        (!value.is_empty()).then(|| {
            view! {
                <div class="detail">
                    <dt>{move || label(i18n.t())}</dt>
                    <dd>{value}</dd>
                </div>
            }
        })
    };
    // Dates and figures are written once, in the language of the moment.
    let t = crate::i18n::texts(i18n.locale_untracked());
    let day = |date: Option<chrono::NaiveDate>| date.map(|d| t.day(d)).unwrap_or_default();
    let ratings = consultation.ratings.clone();
    let rated = (status == ConsultationStatus::Held).then(|| {
        let summary = match ratings.csat_mean {
            Some(mean) => format!(
                "{}: {mean:.1} · {} {}",
                t.consultations.csat_mean, ratings.responses, t.consultations.responses
            ),
            None => t.consultations.ratings_none.to_owned(),
        };
        view! { <p class="muted" data-testid="consultation-ratings">{summary}</p> }
    });
    let c = &consultation;
    view! {
        <li class="card" data-testid="consultation-row">
            <h3 data-testid="consultation-topic">{c.topic.clone()}</h3>
            <p>
                <span class="badge" data-testid="consultation-status">{move || i18n.t().consultations.status_name(status)}</span>
                " "
                {format!("{} → {}", c.host_short_name, c.recipient_short_name)}
            </p>
            <dl class="details">
                {row(|t| t.consultations.question, c.question.clone())}
                {row(|t| t.consultations.scheduled_on, if status == ConsultationStatus::Scheduled { day(c.scheduled_on) } else { String::new() })}
                {row(|t| t.consultations.held_on, day(c.held_on))}
                {row(|t| t.consultations.form, c.form.map(|f| t.consultations.form_name(f).to_owned()).unwrap_or_default())}
                {row(|t| t.consultations.place, c.place.clone())}
                {row(|t| t.consultations.consultants, c.consultants.clone())}
                {row(|t| t.consultations.participants, c.participants.clone())}
                {row(|t| t.consultations.participant_count, c.participant_count.map(|n| n.to_string()).unwrap_or_default())}
                {row(|t| t.consultations.outcome, c.outcome.clone())}
                {row(|t| t.consultations.follow_ups, c.follow_ups.clone())}
                {row(|t| t.consultations.reason, c.reason.clone().unwrap_or_default())}
            </dl>
            {rated}
            <Show when=move || open.with(Option::is_none)>
                <div class="form-actions">
                    {(hosts && open_now).then(|| {
                        let label: Pick = if status == ConsultationStatus::Scheduled {
                            |t| t.consultations.reschedule
                        } else {
                            |t| t.consultations.schedule
                        };
                        view! {
                            {button(Open::Schedule, label, "consultation-schedule")}
                            {button(Open::Hold, |t| t.consultations.hold, "consultation-hold")}
                        }
                    })}
                    {(hosts && status == ConsultationStatus::Requested)
                        .then(|| button(Open::Decline, |t| t.consultations.decline, "consultation-decline"))}
                    {((hosts || receives) && open_now)
                        .then(|| button(Open::Cancel, |t| t.consultations.cancel, "consultation-cancel"))}
                    {(receives && status == ConsultationStatus::Held)
                        .then(|| button(Open::Rate, |t| t.consultations.rate, "consultation-rate"))}
                </div>
            </Show>
            {form}
        </li>
    }
}
