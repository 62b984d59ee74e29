//! Changing an account's name and roles.

use crate::api;
use crate::components::error_alert::{ErrorAlert, failure};
use crate::components::field_error::{FieldError, server_message};
use crate::components::role_checkboxes::RoleCheckboxes;
use crate::i18n::use_i18n;
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
    let i18n = use_i18n();
    let id = user.id;
    let full_name = RwSignal::new(user.full_name.clone());
    let roles = RwSignal::new(user.roles.clone());
    let save = Action::new_local(move |change: &UpdateUser| {
        let change = change.clone();
        async move {
            let saved = api::users::update_user(id, &change).await;
            if saved.is_ok() {
                on_saved.run(());
            }
            saved.map(|_| ())
        }
    });
    let error = failure(save);
    let name_id = format!("edit-{id}-full-name");
    let name_error = format!("edit-{id}-full-name-error");
    let roles_error = format!("edit-{id}-roles-error");

    view! {
        <form
            class="form form-inline-card"
            data-testid="user-edit-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                save.dispatch(UpdateUser {
                    full_name: Some(full_name.get_untracked().trim().to_owned()),
                    roles: Some(roles.get_untracked()),
                    is_active: None,
                });
            }
        >
            <div class="field">
                <label for=name_id.clone()>{move || i18n.t().full_name}</label>
                <input
                    id=name_id
                    type="text"
                    autocomplete="off"
                    aria-describedby=name_error.clone()
                    bind:value=full_name
                />
                <FieldError id=name_error message=server_message(error, "full_name")/>
            </div>
            <RoleCheckboxes selected=roles id_prefix=format!("edit-{id}") described_by=roles_error.clone()/>
            <FieldError id=roles_error message=server_message(error, "roles")/>
            <ErrorAlert error=error/>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || save.pending().get()>
                    {move || i18n.t().save}
                </button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                    {move || i18n.t().cancel}
                </button>
            </div>
        </form>
    }
}
