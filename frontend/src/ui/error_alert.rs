//! The message of a failed call.

use crate::api::ApiError;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The human message for `error` in the language in use; nothing without an error.
#[component]
pub fn ErrorAlert(
    /// The error to explain, if any.
    #[prop(into)]
    error: Signal<Option<ApiError>>,
    /// The `data-testid` of the message.
    #[prop(default = "error")]
    testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.with(|error| {
            error.as_ref().map(|error| {
                let text = i18n.t().error(error);
                view! {
                    <p class="alert alert-error" role="alert" data-testid=testid>
                        {text}
                    </p>
                }
            })
        })
    }
}

/// The error of an action's last run, if it failed.
pub fn failure<I, T>(action: Action<I, Result<T, ApiError>>) -> Signal<Option<ApiError>>
where
    I: 'static,
    T: Send + Sync + 'static,
{
    Signal::derive(move || {
        action
            .value()
            .with(|result| result.as_ref().and_then(|result| result.as_ref().err().cloned()))
    })
}

/// The failure of a form's `action` that is not about its fields (a `422` is shown at the
/// fields): the message above the form's buttons.
pub fn general_failure<I, T>(action: Action<I, Result<T, ApiError>>) -> Signal<Option<ApiError>>
where
    I: 'static,
    T: Send + Sync + 'static,
{
    let failed = failure(action);
    Signal::derive(move || {
        failed
            .get()
            .filter(|error| error.code() != Some(openapi::ProblemCode::ValidationFailed))
    })
}
