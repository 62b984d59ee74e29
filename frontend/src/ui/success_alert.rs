//! The confirmation of a successful call.

use crate::api::ApiError;
use crate::i18n::{Pick, use_i18n};
use leptos::prelude::*;

/// `message` in the language in use, once `action` last succeeded; nothing before or
/// after a failure.
#[component]
pub fn SuccessAlert<I, T>(
    /// The call whose success is confirmed.
    action: Action<I, Result<T, ApiError>>,
    /// The confirmation in the catalogue.
    message: Pick,
    /// The `data-testid` of the message, if it has one.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView
where
    I: 'static,
    T: Send + Sync + 'static,
{
    let i18n = use_i18n();
    let done = move || action.value().with(|result| matches!(result, Some(Ok(_))));
    view! {
        <Show when=done>
            <p class="alert alert-success" role="status" data-testid=testid>
                {move || message(i18n.t())}
            </p>
        </Show>
    }
}
