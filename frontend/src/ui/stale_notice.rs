//! The notice that someone else changed a record while the user was editing it: a
//! change sent with a stale version (`If-Match`) is refused with `412`; the component
//! then shows the current record and this notice asks the user to check it and save
//! again.

use crate::api::ApiError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use std::future::Future;

/// Whether the notice is up; provided once for the whole app.
#[derive(Debug, Clone, Copy)]
pub struct StaleNotice(RwSignal<bool>);

impl StaleNotice {
    /// Provides the notice to the app.
    pub fn provide() {
        provide_context(Self(RwSignal::new(false)));
    }

    /// The app's notice (take it while building a component, not inside an action).
    pub fn get() -> Self {
        use_context::<Self>().unwrap_or_else(|| Self(RwSignal::new(false)))
    }

    /// Raises the notice when `error` is a `412`; tells whether it was one.
    pub fn raise_if_stale(self, error: &ApiError) -> bool {
        let stale = error.is_stale();
        if stale {
            self.0.set(true);
        }
        stale
    }

    /// The answer to a change: on a `412`, the notice goes up and the record as it is
    /// now (read by `current`) takes the place of the saved one, so that the user sees
    /// what the other person saved. Other answers pass through.
    pub async fn or_current<T, F>(self, result: Result<T, ApiError>, current: impl FnOnce() -> F) -> Result<T, ApiError>
    where
        F: Future<Output = Result<T, ApiError>>,
    {
        match result {
            Err(error) if self.raise_if_stale(&error) => current().await.map_err(|_| error),
            other => {
                if other.is_ok() {
                    self.0.set(false);
                }
                other
            }
        }
    }
}

/// The notice, with a button that closes it.
#[component]
pub fn StaleBanner() -> impl IntoView {
    let i18n = use_i18n();
    let notice = StaleNotice::get();
    view! {
        <Show when=move || notice.0.get()>
            <div class="alert alert-info" role="alert" data-testid="stale-notice">
                <span>{move || i18n.t().err_stale}</span>
                " "
                <button
                    type="button"
                    class="button button-small"
                    data-testid="stale-notice-close"
                    on:click=move |_| notice.0.set(false)
                >
                    {move || i18n.t().close}
                </button>
            </div>
        </Show>
    }
}
