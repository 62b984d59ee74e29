//! The «Показатели» tab: the indicators of a project's results tracking system.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::features::projects::indicator_card::IndicatorCard;
use crate::features::projects::indicator_form::IndicatorForm;
use crate::i18n::use_i18n;
use crate::ui::add_button::AddButton;
use crate::ui::empty_state::EmptyState;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::loading::Loading;
use leptos::prelude::*;
use openapi::plan::Indicator;
use openapi::projects::Project;

/// A table per indicator: target, actual and achieved % per school year; the school's
/// administration, council and teachers add and change indicators.
#[component]
pub fn ProjectIndicators(
    /// The project.
    project: Project,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let id = project.id;
    let may_edit = auth
        .with_me_untracked(|me| access::may_edit_resources(me, project.org_id))
        .unwrap_or(false);
    let years = (project.start_year, project.end_year);
    let adding = RwSignal::new(false);
    let indicators = LocalResource::new(move || api::plan::list_indicators(id));
    let saved = Callback::new(move |_: Indicator| {
        adding.set(false);
        indicators.refetch();
    });
    let list = move || {
        Suspend::new(async move {
            match indicators.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(list) if list.is_empty() => view! { <EmptyState text=|t| t.launch.no_indicators/> }.into_any(),
                Ok(list) => list
                    .into_iter()
                    .map(|indicator| view! { <IndicatorCard indicator=indicator years=years may_edit=may_edit on_saved=saved/> })
                    .collect_view()
                    .into_any(),
            }
        })
    };
    view! {
        <section class="section" data-testid="project-indicators">
            <div class="section-head">
                <h2>{move || i18n.t().launch.indicators_heading}</h2>
                <AddButton label=|t| t.launch.add_indicator testid="add-indicator" open=adding allowed=may_edit/>
            </div>
            <Show when=move || adding.get()>
                <IndicatorForm project=id years=years on_saved=saved on_cancel=Callback::new(move |()| adding.set(false))/>
            </Show>
            <Transition fallback=|| view! { <Loading/> }>{list}</Transition>
        </section>
    }
}
