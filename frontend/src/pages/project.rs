//! `/projects/:id` and `/projects/:id/:tab`: one project, its card and the tabs of its
//! launch: resources, structures, document package, plan, indicators and orders.

use crate::access;
use crate::api::dissemination::Scope;
use crate::api::risks::Register;
use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::features::dissemination::dissemination_panel::DisseminationPanel;
use crate::features::launch::project_orders::ProjectOrders;
use crate::features::launch::project_package::ProjectPackage;
use crate::features::launch::project_structures::ProjectStructures;
use crate::features::lifecycle::risks::RiskRegister;
use crate::features::projects::platform_confirmations::PlatformConfirmations;
use crate::features::projects::project_card::ProjectCard;
use crate::features::projects::project_form::ProjectForm;
use crate::features::projects::project_indicators::ProjectIndicators;
use crate::features::projects::project_plan::ProjectPlan;
use crate::features::projects::project_resources::ProjectResources;
use crate::features::projects::project_tabs::ProjectTabs;
use crate::i18n::use_i18n;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::loading::Loading;
use leptos::Params;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use openapi::ProjectId;
use openapi::projects::Project;

/// The path of a project's page.
#[derive(Debug, Clone, PartialEq, Params)]
struct ProjectParams {
    /// The project's id.
    id: Option<i64>,
    /// The tab, absent for the card.
    tab: Option<String>,
}

/// The project's card, «Изменить» (the same form as for a new project) for the school's
/// administration and council, and the project's resources.
#[component]
pub fn ProjectPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let params = use_params::<ProjectParams>();
    let id = Memo::new(move |_| params.with(|params| params.as_ref().ok().and_then(|params| params.id)));
    let tab = Memo::new(move |_| {
        params.with(|params| {
            params
                .as_ref()
                .ok()
                .and_then(|params| params.tab.clone())
                .unwrap_or_default()
        })
    });
    let editing = RwSignal::new(false);
    let project = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::projects::get_project(ProjectId(id)).await,
                None => Err(ApiError::not_found()),
            }
        }
    });
    // The server answers with the saved record: it is shown at once, without a reload.
    let saved = Callback::new(move |saved: Project| {
        project.set(Some(Ok(saved)));
        editing.set(false);
    });

    let body = move || {
        Suspend::new(async move {
            match project.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(shown) => {
                    let may_edit = auth
                        .with_me_untracked(|me| access::may_manage_project(me, shown.org_id))
                        .unwrap_or(false);
                    let (id, org) = (shown.id, shown.org_id);
                    let may_edit_risks = auth
                        .with_me_untracked(|me| access::may_edit_resources(me, org))
                        .unwrap_or(false);
                    let title = shown.title.clone();
                    let shown_plan = shown.clone();
                    let shown_indicators = shown.clone();
                    let shown_orders = shown.clone();
                    let shown_card = shown.clone();
                    let card = move || {
                        if editing.get() {
                            view! {
                                <ProjectForm
                                    project=shown.clone()
                                    on_saved=saved
                                    on_cancel=Callback::new(move |()| editing.set(false))
                                />
                            }
                            .into_any()
                        } else {
                            view! { <ProjectCard project=shown.clone()/> }.into_any()
                        }
                    };
                    view! {
                        <div class="page-head">
                            <h1 data-testid="project-title">{title}</h1>
                            <Show when=move || may_edit && !editing.get()>
                                <button
                                    type="button"
                                    class="button"
                                    data-testid="edit-project"
                                    on:click=move |_| editing.set(true)
                                >
                                    {move || i18n.t().edit}
                                </button>
                            </Show>
                        </div>
                        <ProjectTabs project=id/>
                        {move || match tab.get().as_str() {
                            "resources" => view! { <ProjectResources project=id org=org/> }.into_any(),
                            "structures" => view! { <ProjectStructures project=id org=org/> }.into_any(),
                            "package" => view! { <ProjectPackage project=id org=org/> }.into_any(),
                            "plan" => view! { <ProjectPlan project=shown_plan.clone()/> }.into_any(),
                            "indicators" => view! { <ProjectIndicators project=shown_indicators.clone()/> }.into_any(),
                            "orders" => view! { <ProjectOrders project=shown_orders.clone()/> }.into_any(),
                            "risks" => view! {
                                <RiskRegister register=Register::Project(id) org=org may_edit=may_edit_risks/>
                            }
                            .into_any(),
                            "dissemination" => view! { <DisseminationPanel scope=Scope::Project(id)/> }.into_any(),
                            _ => view! {
                                {card.clone()}
                                <PlatformConfirmations project=shown_card.clone() on_saved=saved/>
                            }
                            .into_any(),
                        }}
                    }
                    .into_any()
                }
            }
        })
    };

    view! {
        <section class="page" data-testid="project-page">
            <p class="back">
                <A href="/projects" {..} data-testid="back-to-projects">
                    "← " {move || i18n.t().projects.all_projects}
                </A>
            </p>
            <Transition fallback=|| view! { <Loading/> }>{body}</Transition>
        </section>
    }
}
