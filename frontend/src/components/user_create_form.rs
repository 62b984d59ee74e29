//! Creating an account in the administrator's organisation.

use crate::api;
use crate::components::error_alert::{ErrorAlert, failure};
use crate::components::field_error::{FieldError, server_message};
use crate::components::role_checkboxes::RoleCheckboxes;
use crate::i18n::use_i18n;
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
    let done = move || create.value().with(|result| matches!(result, Some(Ok(()))));

    view! {
        <form
            class="card form"
            data-testid="user-create-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                create.dispatch(CreateUser {
                    email: email.get_untracked().trim().to_owned(),
                    full_name: full_name.get_untracked().trim().to_owned(),
                    roles: roles.get_untracked(),
                    password: password.get_untracked(),
                });
            }
        >
            <h2>{move || i18n.t().new_user}</h2>
            <div class="form-grid">
                <div class="field">
                    <label for="new-user-email">{move || i18n.t().email}</label>
                    <input
                        id="new-user-email"
                        type="email"
                        autocomplete="off"
                        data-testid="new-user-email"
                        aria-describedby="new-user-email-error"
                        bind:value=email
                    />
                    <FieldError id="new-user-email-error" message=server_message(error, "email")/>
                </div>
                <div class="field">
                    <label for="new-user-full-name">{move || i18n.t().full_name}</label>
                    <input
                        id="new-user-full-name"
                        type="text"
                        autocomplete="off"
                        data-testid="new-user-full-name"
                        aria-describedby="new-user-full-name-error"
                        bind:value=full_name
                    />
                    <FieldError id="new-user-full-name-error" message=server_message(error, "full_name")/>
                </div>
                <div class="field">
                    <label for="new-user-password">{move || i18n.t().initial_password}</label>
                    <input
                        id="new-user-password"
                        type="text"
                        autocomplete="new-password"
                        data-testid="new-user-password"
                        aria-describedby="new-user-password-hint new-user-password-error"
                        bind:value=password
                    />
                    <p class="hint" id="new-user-password-hint">{move || i18n.t().password_hint}</p>
                    <FieldError id="new-user-password-error" message=server_message(error, "password")/>
                </div>
            </div>
            <RoleCheckboxes selected=roles id_prefix="new-user".to_owned() described_by="new-user-roles-error"/>
            <FieldError id="new-user-roles-error" message=server_message(error, "roles")/>
            <ErrorAlert error=error testid="user-create-error"/>
            <Show when=done>
                <p class="alert alert-success" role="status" data-testid="user-created">
                    {move || i18n.t().user_created}
                </p>
            </Show>
            <div class="form-actions">
                <button
                    type="submit"
                    class="button button-primary"
                    data-testid="new-user-submit"
                    disabled=move || create.pending().get()
                >
                    {move || i18n.t().create}
                </button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                    {move || i18n.t().close}
                </button>
            </div>
        </form>
    }
}
