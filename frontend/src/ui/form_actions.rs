//! The buttons under a form.

use crate::i18n::{Pick, use_i18n};
use leptos::prelude::*;

/// The submit button, disabled while the form's call runs, and a button that closes the
/// form if it can be closed.
#[component]
pub fn FormActions(
    /// The submit button's text in the catalogue.
    submit: Pick,
    /// Whether the form's call is running.
    #[prop(into)]
    pending: Signal<bool>,
    /// The submit button's `data-testid`, if it has one.
    #[prop(optional)]
    submit_testid: Option<&'static str>,
    /// Called when the user closes the form; without it there is no closing button.
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
    /// The closing button's text in the catalogue, «Отмена» unless given.
    #[prop(default = |t| t.cancel)]
    cancel: Pick,
) -> impl IntoView {
    let i18n = use_i18n();
    let cancel_button = on_cancel.map(|on_cancel| {
        view! {
            <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                {move || cancel(i18n.t())}
            </button>
        }
    });

    view! {
        <div class="form-actions">
            <button
                type="submit"
                class="button button-primary"
                data-testid=submit_testid
                disabled=move || pending.get()
            >
                {move || submit(i18n.t())}
            </button>
            {cancel_button}
        </div>
    }
}
