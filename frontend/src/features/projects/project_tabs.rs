//! The tabs of a project's page, one address each so a tab survives a reload.

use crate::i18n::{Pick, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::ProjectId;

/// A tab of the project page: its path segment (empty for the card) and label.
pub const TABS: &[(&str, Pick)] = &[
    ("", |t| t.launch.tab_card),
    ("resources", |t| t.launch.tab_resources),
    ("structures", |t| t.launch.tab_structures),
    ("package", |t| t.launch.tab_package),
    ("plan", |t| t.launch.tab_plan),
    ("indicators", |t| t.launch.tab_indicators),
    ("orders", |t| t.launch.tab_orders),
    ("risks", |t| t.pilots.risks_heading),
    ("dissemination", |t| t.dissemination.tab),
];

/// The row of tab links; the router marks the current one `aria-current="page"`.
#[component]
pub fn ProjectTabs(
    /// The project.
    project: ProjectId,
) -> impl IntoView {
    let i18n = use_i18n();
    let links = TABS
        .iter()
        .map(|&(segment, label)| {
            let href = if segment.is_empty() {
                format!("/projects/{project}")
            } else {
                format!("/projects/{project}/{segment}")
            };
            let testid = format!("tab-{}", if segment.is_empty() { "card" } else { segment });
            view! {
                <li>
                    <A href=href exact=true {..} class="tab" data-testid=testid>
                        {move || label(i18n.t())}
                    </A>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="tabs" aria-label=move || i18n.t().launch.tabs_label data-testid="project-tabs">
            <ul>{links}</ul>
        </nav>
    }
}
