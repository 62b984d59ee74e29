//! The message next to one form field.

use crate::api::ApiError;
use crate::i18n::{Texts, use_i18n};
use leptos::prelude::*;
use openapi::FieldErrorCode;

/// A message under a field, referenced by the field's `aria-describedby`.
#[component]
pub fn FieldError(
    /// The element id the field points at.
    #[prop(into)]
    id: String,
    /// The message, if the field has a problem.
    #[prop(into)]
    message: Signal<Option<&'static str>>,
) -> impl IntoView {
    move || {
        message.get().map(|text| {
            view! {
                <p class="field-error" id=id.clone() data-testid=id.clone()>
                    {text}
                </p>
            }
        })
    }
}

/// What the server's 422 or 409 body says about `field`, in the language in use.
pub fn server_message(error: Signal<Option<ApiError>>, field: &'static str) -> Signal<Option<&'static str>> {
    server_message_for(error, move || field.to_owned())
}

/// What the server's body says about the field `field()` names, for fields of a row
/// whose position can change (`authors[1].share`).
pub fn server_message_for(
    error: Signal<Option<ApiError>>,
    field: impl Fn() -> String + Send + Sync + 'static,
) -> Signal<Option<&'static str>> {
    server_message_own(error, field, |_, _| None)
}

/// What the server's body says about the field `field()` names, with this field's own
/// words for some codes (`own`; the general text for the others): «От 1 до 100» rather
/// than «Значение вне допустимого диапазона».
pub fn server_message_own(
    error: Signal<Option<ApiError>>,
    field: impl Fn() -> String + Send + Sync + 'static,
    own: fn(&Texts, FieldErrorCode) -> Option<&'static str>,
) -> Signal<Option<&'static str>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let code = error.with(|error| error.as_ref().and_then(|error| error.field(&field())));
        let t = i18n.t();
        code.map(|code| own(t, code).unwrap_or_else(|| t.field_error(code)))
    })
}
