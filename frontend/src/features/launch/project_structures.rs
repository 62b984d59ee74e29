//! The «Структуры» tab: a project's managing structures.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::features::launch::structure_card::StructureCard;
use crate::features::launch::structure_form::StructureForm;
use crate::i18n::use_i18n;
use crate::ui::add_button::AddButton;
use crate::ui::empty_state::EmptyState;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::loading::Loading;
use leptos::prelude::*;
use openapi::structures::Structure;
use openapi::{OrganisationId, ProjectId};

/// The structures with their members and approvals; the school's administration and
/// council form new ones.
#[component]
pub fn ProjectStructures(
    /// The project.
    project: ProjectId,
    /// Its school.
    org: OrganisationId,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let may_manage = auth
        .with_me_untracked(|me| access::may_manage_project(me, org))
        .unwrap_or(false);
    let adding = RwSignal::new(false);
    let structures = LocalResource::new(move || api::structures::list_structures(project));
    let changed = Callback::new(move |_: Structure| {
        adding.set(false);
        structures.refetch();
    });
    let list = move || {
        Suspend::new(async move {
            match structures.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(list) if list.is_empty() => view! { <EmptyState text=|t| t.launch.no_structures/> }.into_any(),
                Ok(list) => list
                    .into_iter()
                    .map(|structure| view! { <StructureCard structure=structure org=org on_changed=changed/> })
                    .collect_view()
                    .into_any(),
            }
        })
    };
    view! {
        <section class="section" data-testid="project-structures">
            <div class="section-head">
                <h2>{move || i18n.t().launch.structures_heading}</h2>
                <AddButton label=|t| t.launch.add_structure testid="add-structure" open=adding allowed=may_manage/>
            </div>
            <Show when=move || adding.get()>
                <StructureForm
                    project=project
                    org=org
                    on_saved=changed
                    on_cancel=Callback::new(move |()| adding.set(false))
                />
            </Show>
            <Transition fallback=|| view! { <Loading/> }>{list}</Transition>
        </section>
    }
}
