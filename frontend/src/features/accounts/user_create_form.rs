//! Creating an account in the administrator's organisation.

use crate::api;
use crate::features::accounts::role_checkboxes::RoleCheckboxes;
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::{FieldError, server_message};
use crate::ui::form_actions::FormActions;
use crate::ui::success_alert::SuccessAlert;
use crate::ui::text_field::{TextField, trimmed};
use leptos::prelude::*;
use openapi::OrganisationId;
use openapi::users::CreateUser;

/// The «Добавить пользователя» form: e-mail, full name, roles and an initial password,
/// with the server's objections next to each field.
#[component]
pub fn UserCreateForm(
    /// The organisation the account joins.
    organisation: OrganisationId,
    /// Called after an account was created, so the list reloads.
    on_created: Callback<()>,
    /// Called when the administrator closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let full_name = RwSignal::new(String::new());
    let roles = RwSignal::new(Vec::new());
    let password = RwSignal::new(String::new());
    let create = Action::new_local(move |user: &CreateUser| {
        let user = user.clone();
        async move {
            let created = api::users::create_user(organisation, &user).await;
            if created.is_ok() {
                email.set(String::new());
                full_name.set(String::new());
                roles.set(Vec::new());
                password.set(String::new());
                on_created.run(());
            }
            created.map(|_| ())
        }
    });
    let error = failure(create);

    view! {
        <form
            class="card form"
            data-testid="user-create-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                create.dispatch(CreateUser {
                    email: trimmed(email),
                    full_name: trimmed(full_name),
                    roles: roles.get_untracked(),
                    password: password.get_untracked(),
                });
            }
        >
            <h2>{move || i18n.t().new_user}</h2>
            <div class="form-grid">
                <TextField
                    id="new-user-email"
                    label=|t| t.email
                    input_type="email"
                    autocomplete="off"
                    value=email
                    error=server_message(error, "email")
                />
                <TextField
                    id="new-user-full-name"
                    label=|t| t.full_name
                    autocomplete="off"
                    value=full_name
                    error=server_message(error, "full_name")
                />
                <TextField
                    id="new-user-password"
                    label=|t| t.initial_password
                    autocomplete="new-password"
                    hint=|t| t.password_hint
                    value=password
                    error=server_message(error, "password")
                />
            </div>
            <RoleCheckboxes selected=roles id_prefix="new-user".to_owned() described_by="new-user-roles-error"/>
            <FieldError id="new-user-roles-error" message=server_message(error, "roles")/>
            <ErrorAlert error=error testid="user-create-error"/>
            <SuccessAlert action=create message=|t| t.user_created testid="user-created"/>
            <FormActions
                submit=|t| t.create
                pending=create.pending()
                submit_testid="new-user-submit"
                on_cancel=on_cancel
                cancel=|t| t.close
            />
        </form>
    }
}
