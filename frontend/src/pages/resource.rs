//! `/resources/:id`: one educational resource.

use crate::access;
use crate::api::dissemination::Scope;
use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::features::audit::audit_history::AuditHistory;
use crate::features::dissemination::dissemination_panel::DisseminationPanel;
use crate::features::lifecycle::pilots::Pilots;
use crate::features::lifecycle::stage::Lifecycle;
use crate::features::requests::deliveries::Deliveries;
use crate::features::requests::feedback_summary::FeedbackSummary;
use crate::features::resources::resource_card::ResourceCard;
use crate::features::resources::resource_form::ResourceForm;
use crate::features::resources::versions::Versions;
use crate::features::training::cohorts::Cohorts;
use crate::i18n::use_i18n;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::loading::Loading;
use leptos::Params;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use openapi::ResourceId;
use openapi::resources::{ProgrammeFormat, Resource, ResourceForm as Form};

/// The path of a resource's page.
#[derive(Debug, Clone, PartialEq, Params)]
struct ResourceParams {
    /// The resource's id.
    id: Option<i64>,
}

/// The resource's card with its stage, authors and products; «Изменить» for the school's
/// administration, council and teachers; and, for the school's administration and the
/// committee, «История изменений».
#[component]
pub fn ResourcePage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let params = use_params::<ResourceParams>();
    let id = Memo::new(move |_| params.with(|params| params.as_ref().ok().and_then(|params| params.id)));
    let editing = RwSignal::new(false);
    let version = RwSignal::new(0_usize);
    let files_changed = RwSignal::new(0_usize);
    let delivered = RwSignal::new(0_usize);
    let committee = auth.with_me_untracked(access::reads_every_school).unwrap_or(false);
    let resource = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::resources::get_resource(ResourceId(id)).await,
                None => Err(ApiError::not_found()),
            }
        }
    });
    // The server answers with the saved record: it is shown at once, without a reload.
    let saved = Callback::new(move |saved: Resource| {
        resource.set(Some(Ok(saved)));
        editing.set(false);
        version.update(|version| *version += 1);
    });
    let reads_history = auth.with_me_untracked(access::may_read_audit).unwrap_or(false);
    let reads_projects = auth.with_me_untracked(access::may_read_projects).unwrap_or(false);

    let body = move || {
        Suspend::new(async move {
            match resource.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(shown) => {
                    let may_edit = auth
                        .with_me_untracked(|me| access::may_edit_resources(me, shown.org_id))
                        .unwrap_or(false);
                    let reads_deliveries = may_edit || committee;
                    let (id, project, org, stage) = (shown.id, shown.project_id, shown.org_id, shown.stage);
                    let title = shown.title.clone();
                    let cohorts = (shown.form == Form::TrainingProgramme).then(|| {
                        let format = shown.programme_format.unwrap_or(ProgrammeFormat::InPerson);
                        view! { <Cohorts resource=id format=format hours=shown.hours may_edit=may_edit/> }
                    });
                    let card = move || {
                        if editing.get() {
                            view! {
                                <ResourceForm
                                    project=project
                                    org=org
                                    resource=shown.clone()
                                    on_saved=saved
                                    on_cancel=Callback::new(move |()| editing.set(false))
                                />
                            }
                            .into_any()
                        } else {
                            view! { <ResourceCard resource=shown.clone()/> }.into_any()
                        }
                    };
                    let back = reads_projects.then(|| {
                        view! {
                            <p class="back">
                                <A href=format!("/projects/{project}") {..} data-testid="back-to-project">
                                    "← " {move || i18n.t().resources.back_to_project}
                                </A>
                            </p>
                        }
                    });
                    let history = reads_history
                        .then(|| view! { <AuditHistory entity="resource" entity_id=id.0 version=version/> });
                    view! {
                        {back}
                        <div class="page-head">
                            <h1 data-testid="resource-title">{title}</h1>
                            <Show when=move || may_edit && !editing.get()>
                                <button
                                    type="button"
                                    class="button"
                                    data-testid="edit-resource"
                                    on:click=move |_| editing.set(true)
                                >
                                    {move || i18n.t().edit}
                                </button>
                            </Show>
                        </div>
                        {card}
                        <Lifecycle resource=id stage=stage may_move=may_edit on_moved=saved/>
                        <Versions resource=id may_edit=may_edit changed=files_changed/>
                        <Pilots resource=id org=org may_edit=may_edit/>
                        {cohorts}
                        {reads_deliveries
                            .then(|| {
                                view! {
                                    <Deliveries resource=id org=org may_edit=may_edit changed=delivered/>
                                    <FeedbackSummary resource=id changed=delivered/>
                                }
                            })}
                        <DisseminationPanel scope=Scope::Resource(id)/>
                        {history}
                    }
                    .into_any()
                }
            }
        })
    };

    view! {
        <section class="page" data-testid="resource-page">
            <Transition fallback=|| view! { <Loading/> }>{body}</Transition>
        </section>
    }
}
