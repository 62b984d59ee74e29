//! Registering an organisation (platform administrators).

use crate::api;
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::server_message;
use crate::ui::form_actions::FormActions;
use crate::ui::select_field::SelectField;
use crate::ui::success_alert::SuccessAlert;
use crate::ui::text_field::{TextField, trimmed};
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

    view! {
        <form
            class="card form"
            data-testid="organisation-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                create.dispatch(CreateOrganisation {
                    name: trimmed(name),
                    short_name: trimmed(short_name),
                    kind: kind.get_untracked(),
                    municipality: trimmed(municipality),
                });
            }
        >
            <h2>{move || i18n.t().add_organisation}</h2>
            <div class="form-grid">
                <TextField
                    id="new-org-name"
                    label=|t| t.organisation_name
                    autocomplete="off"
                    value=name
                    error=server_message(error, "name")
                />
                <TextField
                    id="new-org-short-name"
                    label=|t| t.short_name
                    autocomplete="off"
                    value=short_name
                    error=server_message(error, "short_name")
                />
                <SelectField id="new-org-kind" label=|t| t.kind value=kind error=server_message(error, "kind")/>
                <TextField
                    id="new-org-municipality"
                    label=|t| t.municipality
                    autocomplete="off"
                    value=municipality
                    error=server_message(error, "municipality")
                />
            </div>
            <ErrorAlert error=error testid="organisation-create-error"/>
            <SuccessAlert action=create message=|t| t.organisation_created/>
            <FormActions submit=|t| t.create pending=create.pending() on_cancel=on_cancel cancel=|t| t.close/>
        </form>
    }
}
