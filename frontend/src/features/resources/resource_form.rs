//! Registering a resource under a project, or changing one.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::features::resources::authors_editor::{AuthorDraft, AuthorsEditor};
use crate::features::resources::kit_items_editor::{KitDraft, KitItemsEditor};
use crate::i18n::{Pick, use_i18n};
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::{server_message, server_message_own};
use crate::ui::form_actions::FormActions;
use crate::ui::option_select::school_accounts;
use crate::ui::select_field::SelectField;
use crate::ui::stale_notice::StaleNotice;
use crate::ui::text_field::{TextField, trimmed};
use crate::ui::textarea_field::TextAreaField;
use leptos::prelude::*;
use openapi::resources::{
    Author, DevelopmentElement, ProgrammeFormat, Resource, ResourceForm as Form, ResourceInput, Visibility,
};
use openapi::{FieldErrorCode, OrganisationId, ProjectId};

/// The resource card as a form: title, description, form with the fields of that form
/// (the element of a methodological development, the hours and format of a programme,
/// the products of a kit), authors with shares, licence and visibility. Fields of
/// other forms are hidden and sent empty; the server's objections appear next to each
/// field. The stage is not edited here.
#[component]
pub fn ResourceForm(
    /// The project a new resource belongs to.
    project: ProjectId,
    /// The school of the project, whose accounts may be chosen as authors.
    org: OrganisationId,
    /// The resource to change; a new one is registered without it.
    #[prop(optional)]
    resource: Option<Resource>,
    /// Called with the saved resource.
    on_saved: Callback<Resource>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let id = resource.as_ref().map(|resource| (resource.id, resource.version));
    let notice = StaleNotice::get();
    let lists_accounts = auth
        .with_me_untracked(access::may_list_school_accounts)
        .unwrap_or(false);
    let me = auth.with_me_untracked(|me| Author {
        user_id: Some(me.id),
        name: me.full_name.clone(),
        share: 100,
    });

    let current = resource.as_ref();
    let title = RwSignal::new(current.map(|r| r.title.clone()).unwrap_or_default());
    let description = RwSignal::new(current.map(|r| r.description.clone()).unwrap_or_default());
    let form = RwSignal::new(current.map_or(Form::MethodologicalDevelopment, |r| r.form));
    let element = RwSignal::new(current.and_then(|r| r.element).unwrap_or(DevelopmentElement::Content));
    let hours = RwSignal::new(current.and_then(|r| r.hours).map(|h| h.to_string()).unwrap_or_default());
    let format = RwSignal::new(
        current
            .and_then(|r| r.programme_format)
            .unwrap_or(ProgrammeFormat::InPerson),
    );
    let kit = current.map(|r| r.kit_items.clone()).unwrap_or_default();
    let kit_rows = RwSignal::new(if kit.is_empty() {
        vec![KitDraft::new(0, None)]
    } else {
        kit.iter()
            .zip(0..)
            .map(|(item, key)| KitDraft::new(key, Some(item)))
            .collect()
    });
    // A new resource starts with its author: the user, with the whole share.
    let authors = current.map_or_else(|| me.clone().into_iter().collect(), |r| r.authors.clone());
    let author_rows = RwSignal::new(
        authors
            .iter()
            .zip(0..)
            .map(|(author, key)| AuthorDraft::new(key, Some(author)))
            .collect::<Vec<_>>(),
    );
    let licence = RwSignal::new(current.map(|r| r.licence.clone()).unwrap_or_default());
    let visibility = RwSignal::new(current.map_or(Visibility::Internal, |r| r.visibility));

    // The accounts offered: the school's (listed for its administration), and those
    // already among the authors or the user.
    let listed = school_accounts(org, None, lists_accounts);
    let known: Vec<_> = authors
        .iter()
        .chain(me.iter())
        .filter_map(|author| Some((author.user_id?, author.name.clone())))
        .collect();
    let accounts = Signal::derive(move || {
        let mut accounts = listed.get();
        for (id, name) in &known {
            if !accounts.iter().any(|(listed, _)| listed == id) {
                accounts.push((*id, name.clone()));
            }
        }
        accounts
    });

    let save = Action::new_local(move |input: &ResourceInput| {
        let input = input.clone();
        async move {
            let saved = match id {
                Some((id, version)) => {
                    let result = api::resources::update_resource(id, version, &input).await;
                    notice.or_current(result, || api::resources::get_resource(id)).await
                }
                None => api::resources::create_resource(project, &input).await,
            };
            if let Ok(resource) = &saved {
                on_saved.run(resource.clone());
            }
            saved
        }
    });
    let error = failure(save);
    let submit_label: Pick = if id.is_some() { |t| t.save } else { |t| t.create };
    let is = move |which: Form| form.get() == which;
    let submit = move || {
        let chosen = form.get_untracked();
        let programme = chosen == Form::TrainingProgramme;
        ResourceInput {
            title: trimmed(title),
            description: trimmed(description),
            form: chosen,
            element: (chosen == Form::MethodologicalDevelopment).then(|| element.get_untracked()),
            // Hours that are not a number are sent as none: the server asks for them.
            hours: trimmed(hours).parse().ok().filter(|_| programme),
            programme_format: programme.then(|| format.get_untracked()),
            kit_items: if chosen == Form::MaterialKit {
                kit_rows.with_untracked(|rows| rows.iter().map(KitDraft::item).collect())
            } else {
                Vec::new()
            },
            authors: author_rows.with_untracked(|rows| rows.iter().map(AuthorDraft::author).collect()),
            licence: trimmed(licence),
            visibility: Some(visibility.get_untracked()),
        }
    };

    view! {
        <form
            class="card form"
            data-testid="resource-editor"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                save.dispatch(submit());
            }
        >
            <h2>{move || if id.is_some() { i18n.t().resources.edit_heading } else { i18n.t().resources.new }}</h2>
            <TextField
                id="resource-title"
                label=|t| t.resources.title
                autocomplete="off"
                value=title
                error=server_message(error, "title")
            />
            <TextAreaField
                id="resource-description"
                label=|t| t.resources.description
                value=description
                error=server_message(error, "description")
            />
            <div class="form-grid form-grid-fill">
                <SelectField id="resource-form" label=|t| t.resources.form value=form/>
                <Show when=move || is(Form::MethodologicalDevelopment)>
                    <SelectField
                        id="resource-element"
                        label=|t| t.resources.element
                        value=element
                        error=server_message(error, "element")
                    />
                </Show>
                <Show when=move || is(Form::TrainingProgramme)>
                    <TextField
                        id="resource-hours"
                        label=|t| t.resources.hours
                        input_type="number"
                        autocomplete="off"
                        value=hours
                        error=server_message_own(
                            error,
                            || "hours".to_owned(),
                            |t, code| (code == FieldErrorCode::OutOfRange).then_some(t.resources.hours_range),
                        )
                    />
                    <SelectField
                        id="resource-programme-format"
                        label=|t| t.resources.programme_format
                        value=format
                        error=server_message(error, "programme_format")
                    />
                </Show>
            </div>
            <Show when=move || is(Form::MaterialKit)>
                <KitItemsEditor rows=kit_rows error=error/>
            </Show>
            <AuthorsEditor rows=author_rows accounts=accounts error=error/>
            <div class="form-grid form-grid-fill">
                <TextField
                    id="resource-licence"
                    label=|t| t.resources.licence
                    hint=|t| t.resources.licence_hint
                    autocomplete="off"
                    value=licence
                    error=server_message(error, "licence")
                />
                <SelectField
                    id="resource-visibility"
                    label=|t| t.resources.visibility
                    value=visibility
                    error=server_message(error, "visibility")
                />
            </div>
            <ErrorAlert error=error testid="resource-form-error"/>
            <FormActions submit=submit_label pending=save.pending() submit_testid="resource-submit" on_cancel=on_cancel/>
        </form>
    }
}
