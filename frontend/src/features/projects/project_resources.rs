//! The educational resources of one project.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::features::lifecycle::stage_badge::StageBadge;
use crate::features::resources::resource_form::ResourceForm;
use crate::i18n::{Pick, use_i18n};
use crate::ui::add_button::AddButton;
use crate::ui::data_table::{DataTable, paging};
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::resources::{Resource, ResourceFilter, ResourceItem};
use openapi::{OrganisationId, ProjectId};

/// The headings of the resource table.
const COLUMNS: &[Pick] = &[
    |t| t.resources.title,
    |t| t.resources.form,
    |t| t.resources.stage,
    |t| t.resources.authors,
    |t| t.resources.visibility,
    |t| t.projects.updated,
];

/// «Образовательные ресурсы» of the project: a table linking to each resource, and for
/// the school's administration, council and teachers the «Добавить ресурс» form.
#[component]
pub fn ProjectResources(
    /// The project.
    project: ProjectId,
    /// The project's school.
    org: OrganisationId,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let may_add = Memo::new(move |_| auth.with_me(|me| access::may_edit_resources(me, org)).unwrap_or(false));
    let page = RwSignal::new(1_u32);
    let adding = RwSignal::new(false);
    let resources = LocalResource::new(move || {
        let filter = ResourceFilter {
            project_id: Some(project),
            ..ResourceFilter::default()
        };
        let paging = paging(page);
        async move { api::resources::list_resources(&filter, paging).await }
    });
    let added = Callback::new(move |_: Resource| {
        adding.set(false);
        resources.refetch();
    });
    let row = move |resource: ResourceItem| {
        let ResourceItem {
            id,
            title,
            form,
            stage,
            authors,
            visibility,
            updated_at,
            ..
        } = resource;
        let authors = authors
            .into_iter()
            .map(|author| format!("{} ({} %)", author.name, author.share))
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <tr data-testid="resource-row" data-resource-id=id.to_string()>
                <td>
                    <A href=format!("/resources/{id}") {..} data-testid="resource-link">{title}</A>
                </td>
                <td>{move || i18n.t().resources.form(form)}</td>
                <td><StageBadge stage=stage/></td>
                <td data-testid="resource-row-authors">{authors}</td>
                <td>{move || i18n.t().resources.visibility(visibility)}</td>
                <td>{move || i18n.t().date(&updated_at)}</td>
            </tr>
        }
    };

    view! {
        <section class="section" data-testid="project-resources">
            <div class="section-head">
                <h2>{move || i18n.t().projects.resources}</h2>
                <AddButton label=|t| t.resources.add testid="add-resource" open=adding allowed=may_add/>
            </div>
            <Show when=move || may_add.get() && adding.get()>
                <ResourceForm
                    project=project
                    org=org
                    on_saved=added
                    on_cancel=Callback::new(move |()| adding.set(false))
                />
            </Show>
            <DataTable list=resources page=page headers=COLUMNS testid="resources-table" row=row/>
        </section>
    }
}
