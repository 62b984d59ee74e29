//! The risks of an innovation map: the project's risk register (the highest scores
//! first), which replaces the map's free-text risks, with a link to the «Риски» tab.

use crate::api;
use crate::api::risks::Register;
use crate::i18n::use_i18n;
use crate::ui::loading::Loading;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::ProjectId;
use openapi::risks::RiskFilter;

/// How many risks the map shows.
const SHOWN: usize = 5;

/// The register's first risks by score, and the link to the whole register.
#[component]
pub fn MapRisks(
    /// The project.
    project: ProjectId,
) -> impl IntoView {
    let i18n = use_i18n();
    let register = LocalResource::new(move || async move {
        api::risks::list_risks(Register::Project(project), &RiskFilter::default()).await
    });
    let list = move || {
        let Some(result) = register.get() else {
            return view! { <Loading/> }.into_any();
        };
        match result {
            Ok(page) if page.items.is_empty() => {
                view! { <p class="muted">{move || i18n.t().pilots.map_register_none}</p> }.into_any()
            }
            Ok(page) => view! {
                <ul class="plain">
                    {page
                        .items
                        .into_iter()
                        .take(SHOWN)
                        .map(|risk| {
                            let score = risk.score;
                            view! {
                                <li data-testid="map-risk">
                                    {risk.title} " — " {move || i18n.t().pilots.map_register_score} " " {score}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
            // The map reads on without the register.
            Err(_) => ().into_any(),
        }
    };
    view! {
        <dt>{move || i18n.t().pilots.map_register}</dt>
        <dd data-testid="map-risks-register">
            {list}
            <A href=format!("/projects/{project}/risks") {..} data-testid="map-risks-open">
                {move || i18n.t().pilots.map_register_open}
            </A>
        </dd>
    }
}
