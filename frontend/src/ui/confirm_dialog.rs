//! The in-page question asked before a destructive action.

use crate::i18n::{Pick, use_i18n};
use leptos::prelude::*;

/// A modal dialog: a question, what will happen, to whom, and two buttons. Escape or
/// «Отмена» cancels; the cancel button has the focus first.
#[component]
pub fn ConfirmDialog(
    /// The question («Деактивировать пользователя?»).
    title: Pick,
    /// What the action does.
    text: Pick,
    /// Whom or what it concerns.
    subject: String,
    /// The label of the confirming button.
    confirm: Pick,
    /// Called when the user confirms.
    on_confirm: Callback<()>,
    /// Called when the user cancels.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cancel_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = cancel_button.get() {
            let _ = button.focus();
        }
    });

    view! {
        <div
            class="dialog-backdrop"
            on:keydown=move |event| {
                if event.key() == "Escape" {
                    on_cancel.run(());
                }
            }
        >
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="confirm-title"
                aria-describedby="confirm-text"
                data-testid="confirm-dialog"
            >
                <h2 id="confirm-title">{move || title(i18n.t())}</h2>
                <p id="confirm-text">{move || text(i18n.t())}</p>
                <p class="dialog-subject">{subject}</p>
                <div class="dialog-actions">
                    <button
                        type="button"
                        class="button"
                        node_ref=cancel_button
                        data-testid="confirm-cancel"
                        on:click=move |_| on_cancel.run(())
                    >
                        {move || i18n.t().cancel}
                    </button>
                    <button
                        type="button"
                        class="button button-danger"
                        data-testid="confirm-yes"
                        on:click=move |_| on_confirm.run(())
                    >
                        {move || confirm(i18n.t())}
                    </button>
                </div>
            </div>
        </div>
    }
}
