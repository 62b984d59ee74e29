//! Changing an account's name and roles.

use crate::api;
use crate::features::accounts::role_checkboxes::RoleCheckboxes;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::{FieldError, server_message};
use crate::ui::form_actions::FormActions;
use crate::ui::stale_notice::StaleNotice;
use crate::ui::text_field::{TextField, trimmed};
use leptos::prelude::*;
use openapi::users::{UpdateUser, User};

/// A form with the full name and the role checkboxes of one account.
#[component]
pub fn UserEditForm(
    /// The account as listed.
    user: User,
    /// Called after the change was saved.
    on_saved: Callback<()>,
    /// Called when the administrator gives up.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let id = user.id;
    let version = user.version;
    let notice = StaleNotice::get();
    let full_name = RwSignal::new(user.full_name.clone());
    let roles = RwSignal::new(user.roles.clone());
    let save = Action::new_local(move |change: &UpdateUser| {
        let change = change.clone();
        async move {
            let saved = api::users::update_user(id, version, &change).await;
            let saved = notice.or_current(saved, || api::users::get_user(id)).await;
            if saved.is_ok() {
                on_saved.run(());
            }
            saved.map(|_| ())
        }
    });
    let error = failure(save);
    let roles_error = format!("edit-{id}-roles-error");

    view! {
        <form
            class="form form-inline-card"
            data-testid="user-edit-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                save.dispatch(UpdateUser {
                    full_name: Some(trimmed(full_name)),
                    roles: Some(roles.get_untracked()),
                    is_active: None,
                });
            }
        >
            <TextField
                id=format!("edit-{id}-full-name")
                label=|t| t.full_name
                autocomplete="off"
                testid=false
                value=full_name
                error=server_message(error, "full_name")
            />
            <RoleCheckboxes selected=roles id_prefix=format!("edit-{id}") described_by=roles_error.clone()/>
            <FieldError id=roles_error message=server_message(error, "roles")/>
            <ErrorAlert error=error/>
            <FormActions submit=|t| t.save pending=save.pending() on_cancel=on_cancel/>
        </form>
    }
}
