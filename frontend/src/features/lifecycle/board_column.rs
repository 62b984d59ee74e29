//! One column of the lifecycle board: the resources of a school at one stage.

use crate::api;
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::loading::Loading;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::resources::{ResourceFilter, ResourceItem, Stage};
use openapi::{OrganisationId, PageQuery};

/// Cards per page of a column.
const PER_PAGE: u32 = 20;

/// The stage's name and how many resources are at it; the cards of the pages loaded so
/// far; «Показать ещё» while there are more; «Загрузка…», the error or the empty state.
#[component]
pub fn BoardColumn(
    /// The stage of the column.
    stage: Stage,
    /// The school.
    org: OrganisationId,
    /// The search in force, if any.
    query: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cards = RwSignal::new(Vec::<ResourceItem>::new());
    let total = RwSignal::new(None::<i64>);
    let loaded = RwSignal::new(0_u32);
    let load = Action::new_local(move |page: &u32| {
        let filter = ResourceFilter {
            q: query.clone(),
            org_id: Some(org),
            stage: Some(stage),
            ..ResourceFilter::default()
        };
        let paging = PageQuery {
            page: Some(*page),
            per_page: Some(PER_PAGE),
        };
        async move {
            let list = api::resources::list_resources(&filter, paging).await?;
            // The column may be gone (another school or search) by the time the page arrives.
            cards.try_update(|cards| cards.extend(list.items));
            total.try_set(Some(list.total));
            loaded.try_set(list.page);
            Ok(())
        }
    });
    load.dispatch(1);
    let more = move || {
        total
            .get()
            .is_some_and(|total| i64::try_from(cards.with(Vec::len)).unwrap_or(0) < total)
    };
    let heading_id = format!("board-{}", stage.as_str());
    let labelled_by = heading_id.clone();

    view! {
        <section
            class="board-column"
            data-stage=stage.as_str()
            data-testid="board-column"
            aria-labelledby=labelled_by
            aria-busy=move || load.pending().get().to_string()
        >
            <header class="board-column-head">
                <h2 id=heading_id>{move || i18n.t().resources.stage(stage)}</h2>
                <span class="board-count" data-testid="board-count" title=move || i18n.t().board.count>
                    {move || total.get().map(|total| total.to_string())}
                </span>
            </header>
            <ul class="board-cards">
                <For each=move || cards.get() key=|resource| resource.id let:resource>
                    <BoardCard resource=resource/>
                </For>
            </ul>
            <Show when=move || total.get() == Some(0)>
                <p class="empty" data-testid="board-empty">{move || i18n.t().board.empty}</p>
            </Show>
            <Show when=move || load.pending().get()>
                <Loading/>
            </Show>
            <ErrorAlert error=failure(load)/>
            <Show when=more>
                <button
                    type="button"
                    class="button button-small"
                    data-testid="board-more"
                    disabled=move || load.pending().get()
                    on:click=move |_| {
                        load.dispatch(loaded.get_untracked() + 1);
                    }
                >
                    {move || i18n.t().board.more}
                </button>
            </Show>
        </section>
    }
}

/// A resource on the board: its title linking to its page, its form, its project and
/// when it last changed.
#[component]
fn BoardCard(resource: ResourceItem) -> impl IntoView {
    let i18n = use_i18n();
    let ResourceItem {
        id,
        project_id,
        project_title,
        title,
        form,
        updated_at,
        ..
    } = resource;
    let project = view! {
        <p class="meta" data-testid="board-card-project">
            <A href=format!("/projects/{project_id}")>{project_title}</A>
        </p>
    };
    view! {
        <li class="board-card" data-testid="board-card" data-resource-id=id.to_string()>
            <A href=format!("/resources/{id}") {..} data-testid="board-card-link">{title}</A>
            <p class="meta" data-testid="board-card-form">{move || i18n.t().resources.form(form)}</p>
            {project}
            <p class="meta" data-testid="board-card-updated">
                {move || i18n.t().board.updated} " " {move || i18n.t().date(&updated_at)}
            </p>
        </li>
    }
}
