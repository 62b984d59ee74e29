//! What the forms of a consultation share: a field's message from the server, a typed
//! day, and the fields of a consultation held.

use crate::api::ApiError;
use crate::i18n::use_i18n;
use crate::ui::date_field::today_value;
use crate::ui::select_field::SelectField;
use crate::ui::text_field::{TextField, trimmed};
use crate::ui::textarea_field::TextAreaField;
use chrono::NaiveDate;
use leptos::prelude::*;
use openapi::consultations::{ConsultationForm, HeldInput};

/// The message of a field from the last answer of `action`, named `name` on the wire.
pub(super) fn field_of<I: 'static, T: 'static>(
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
pub(super) fn day(value: RwSignal<String>) -> NaiveDate {
    NaiveDate::parse_from_str(&value.get_untracked(), "%Y-%m-%d").unwrap_or_default()
}

/// The fields of a consultation held, as typed.
#[derive(Clone, Copy)]
pub(super) struct HeldFields {
    pub(super) held_on: RwSignal<String>,
    pub(super) form: RwSignal<ConsultationForm>,
    pub(super) place: RwSignal<String>,
    pub(super) consultants: RwSignal<String>,
    pub(super) participants: RwSignal<String>,
    pub(super) count: RwSignal<String>,
    pub(super) outcome: RwSignal<String>,
    pub(super) follow_ups: RwSignal<String>,
}

impl HeldFields {
    pub(super) fn new() -> Self {
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

    pub(super) fn input(self) -> HeldInput {
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
    pub(super) fn view<I: 'static, T: 'static>(
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
