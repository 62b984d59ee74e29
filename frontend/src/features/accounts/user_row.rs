//! One account in the administrator's user table, with its actions.

use crate::api::{self, ApiError};
use crate::features::accounts::temporary_password::TemporaryPassword;
use crate::features::accounts::user_edit_form::UserEditForm;
use crate::i18n::{Pick, use_i18n};
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::stale_notice::StaleNotice;
use leptos::prelude::*;
use openapi::users::{UpdateUser, User};

/// What is open under the row.
#[derive(Debug, Clone, PartialEq)]
enum Panel {
    Closed,
    Edit,
    Password(String),
}

/// A destructive action awaiting confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    ToggleActive,
    ResetPassword,
}

/// The row: name, e-mail, roles, status, creation date, and the buttons to edit,
/// deactivate or activate (after confirming) and reset the password (after confirming,
/// then showing the temporary password); one's own row has only the edit button.
#[component]
pub fn UserRow(
    /// The account.
    user: User,
    /// Called after the account changed, so the list reloads.
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = user.id;
    let active = user.is_active;
    let version = user.version;
    let notice = StaleNotice::get();
    // The server refuses both for one's own account: a stolen session must not reset
    // the password without the current one, and an administrator must not lock
    // themselves out.
    let own = crate::auth::use_auth()
        .with_me_untracked(|me| me.id == id)
        .unwrap_or(false);
    let panel = RwSignal::new(Panel::Closed);
    let pending = RwSignal::new(None::<Pending>);
    let error = RwSignal::new(None::<ApiError>);

    let toggle = Action::new_local(move |_: &()| async move {
        let change = UpdateUser {
            is_active: Some(!active),
            ..UpdateUser::default()
        };
        match api::users::update_user(id, version, &change).await {
            Ok(_) => on_changed.run(()),
            // Someone else changed the account: the list shows it as it is now.
            Err(failure) if notice.raise_if_stale(&failure) => on_changed.run(()),
            Err(failure) => error.set(Some(failure)),
        }
    });
    let reset = Action::new_local(move |_: &()| async move {
        match api::users::reset_password(id).await {
            Ok(reset) => panel.set(Panel::Password(reset.temporary_password)),
            Err(failure) => error.set(Some(failure)),
        }
    });
    let confirmed = Callback::new(move |()| {
        error.set(None);
        match pending.get_untracked() {
            Some(Pending::ToggleActive) => {
                toggle.dispatch(());
            }
            Some(Pending::ResetPassword) => {
                reset.dispatch(());
            }
            None => {}
        }
        pending.set(None);
    });
    let busy = move || toggle.pending().get() || reset.pending().get();

    let subject = format!("{} <{}>", user.full_name, user.email);
    let dialog = move || {
        pending.get().map(|action| {
            let (title, text, confirm): (Pick, Pick, Pick) = match (action, active) {
                (Pending::ToggleActive, true) => (
                    |t| t.confirm_deactivate,
                    |t| t.confirm_deactivate_text,
                    |t| t.deactivate,
                ),
                (Pending::ToggleActive, false) => (|t| t.confirm_activate, |t| t.confirm_activate_text, |t| t.activate),
                (Pending::ResetPassword, _) => (|t| t.confirm_reset, |t| t.confirm_reset_text, |t| t.reset_password),
            };
            view! {
                <ConfirmDialog
                    title=title
                    text=text
                    subject=subject.clone()
                    confirm=confirm
                    on_confirm=confirmed
                    on_cancel=Callback::new(move |()| pending.set(None))
                />
            }
        })
    };

    let edited = user.clone();
    let detail = move || {
        let body = match panel.get() {
            Panel::Closed => None,
            Panel::Edit => Some(
                view! {
                    <UserEditForm
                        user=edited.clone()
                        on_saved=Callback::new(move |()| {
                            panel.set(Panel::Closed);
                            on_changed.run(());
                        })
                        on_cancel=Callback::new(move |()| panel.set(Panel::Closed))
                    />
                }
                .into_any(),
            ),
            Panel::Password(password) => Some(
                view! {
                    <TemporaryPassword
                        password=password
                        on_close=Callback::new(move |()| panel.set(Panel::Closed))
                    />
                }
                .into_any(),
            ),
        };
        let failed = error.with(Option::is_some);
        (body.is_some() || failed).then(|| {
            view! {
                <tr class="row-detail">
                    <td colspan="6">
                        <ErrorAlert error=error testid="user-row-error"/>
                        {body}
                    </td>
                </tr>
            }
        })
    };

    let roles = user.roles.clone();
    let created = user.created_at;
    view! {
        <tr data-testid="user-row" data-user-id=id.to_string() class:inactive=!active>
            <td>{user.full_name.clone()}</td>
            <td data-testid="user-email">{user.email.clone()}</td>
            <td>{move || i18n.t().role_list(&roles)}</td>
            <td data-testid="user-status">
                <span class="badge" class:badge-on=active class:badge-off=!active>
                    {move || if active { i18n.t().status_active } else { i18n.t().status_inactive }}
                </span>
            </td>
            <td>{move || i18n.t().date(&created)}</td>
            <td>
                <div class="row-actions">
                <button
                    type="button"
                    class="button button-small"
                    data-testid="user-edit"
                    on:click=move |_| panel.set(Panel::Edit)
                >
                    {move || i18n.t().edit}
                </button>
                {(!own).then(|| view! {
                    <button
                        type="button"
                        class="button button-small"
                        class:button-danger=active
                        data-testid=if active { "user-deactivate" } else { "user-activate" }
                        disabled=busy
                        on:click=move |_| pending.set(Some(Pending::ToggleActive))
                    >
                        {move || if active { i18n.t().deactivate } else { i18n.t().activate }}
                    </button>
                    <button
                        type="button"
                        class="button button-small"
                        data-testid="user-reset-password"
                        disabled=busy
                        on:click=move |_| pending.set(Some(Pending::ResetPassword))
                    >
                        {move || i18n.t().reset_password}
                    </button>
                })}
                </div>
                {dialog}
            </td>
        </tr>
        {detail}
    }
}
