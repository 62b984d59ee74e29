//! The one showing of a temporary password after a reset.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The password in a selectable box, with the hint to copy and hand it over.
#[component]
pub fn TemporaryPassword(
    /// The password the server generated.
    password: String,
    /// Called when the administrator closes the panel.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="panel" role="status" data-testid="temporary-password-panel">
            <h3>{move || i18n.t().temporary_password}</h3>
            <p>
                <code class="secret" data-testid="temporary-password">{password}</code>
            </p>
            <p class="hint">{move || i18n.t().temporary_password_hint}</p>
            <button type="button" class="button" on:click=move |_| on_close.run(())>
                {move || i18n.t().close}
            </button>
        </div>
    }
}
