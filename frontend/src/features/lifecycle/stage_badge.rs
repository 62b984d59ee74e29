//! The lifecycle stage of a resource.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use openapi::resources::Stage;

/// The stage as a coloured badge: Запрос, Проектирование, Производство, Доставка,
/// Удовлетворённость.
#[component]
pub fn StageBadge(
    /// The stage.
    stage: Stage,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="badge badge-stage" data-stage=stage.as_str() data-testid="resource-stage">
            {move || i18n.t().resources.stage(stage)}
        </span>
    }
}
