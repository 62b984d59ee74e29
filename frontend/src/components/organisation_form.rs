//! Registering an organisation (platform administrators).

use crate::api;
use crate::components::error_alert::{ErrorAlert, failure};
use crate::components::field_error::{FieldError, server_message};
use crate::i18n::{Pick, use_i18n};
use leptos::prelude::*;
use openapi::organisations::{CreateOrganisation, OrganisationKind};

/// The «Добавить организацию» form: full and short name, kind and municipality.
#[component]
pub fn OrganisationForm(
    /// Called after an organisation was added, so the list reloads.
    on_created: Callback<()>,
    /// Called when the administrator closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let short_name = RwSignal::new(String::new());
    let kind = RwSignal::new(OrganisationKind::School);
    let municipality = RwSignal::new(String::new());
    let create = Action::new_local(move |organisation: &CreateOrganisation| {
        let organisation = organisation.clone();
        async move {
            let created = api::organisations::create_organisation(&organisation).await;
            if created.is_ok() {
                name.set(String::new());
                short_name.set(String::new());
                municipality.set(String::new());
                on_created.run(());
            }
            created.map(|_| ())
        }
    });
    let error = failure(create);
    let done = move || create.value().with(|result| matches!(result, Some(Ok(()))));
    let text_field = move |id: &'static str, field: &'static str, label: Pick, value: RwSignal<String>| {
        let error_id = format!("{id}-error");
        view! {
            <div class="field">
                <label for=id>{move || label(i18n.t())}</label>
                <input id=id type="text" autocomplete="off" data-testid=id aria-describedby=error_id.clone() bind:value=value/>
                <FieldError id=error_id message=server_message(error, field)/>
            </div>
        }
    };

    view! {
        <form
            class="card form"
            data-testid="organisation-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                create.dispatch(CreateOrganisation {
                    name: name.get_untracked().trim().to_owned(),
                    short_name: short_name.get_untracked().trim().to_owned(),
                    kind: kind.get_untracked(),
                    municipality: municipality.get_untracked().trim().to_owned(),
                });
            }
        >
            <h2>{move || i18n.t().add_organisation}</h2>
            <div class="form-grid">
                {text_field("new-org-name", "name", |t| t.organisation_name, name)}
                {text_field("new-org-short-name", "short_name", |t| t.short_name, short_name)}
                <div class="field">
                    <label for="new-org-kind">{move || i18n.t().kind}</label>
                    <select
                        id="new-org-kind"
                        data-testid="new-org-kind"
                        on:change=move |event| {
                            if let Some(chosen) = OrganisationKind::parse(&event_target_value(&event)) {
                                kind.set(chosen);
                            }
                        }
                    >
                        {OrganisationKind::ALL
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option value=option.as_str() selected=move || kind.get() == option>
                                        {move || i18n.t().kind(option)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <FieldError id="new-org-kind-error" message=server_message(error, "kind")/>
                </div>
                {text_field("new-org-municipality", "municipality", |t| t.municipality, municipality)}
            </div>
            <ErrorAlert error=error testid="organisation-create-error"/>
            <Show when=done>
                <p class="alert alert-success" role="status">{move || i18n.t().organisation_created}</p>
            </Show>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || create.pending().get()>
                    {move || i18n.t().create}
                </button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                    {move || i18n.t().close}
                </button>
            </div>
        </form>
    }
}
