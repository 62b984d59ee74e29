//! A paginated table with its loading, error and empty states.

use crate::api::ApiError;
use crate::i18n::{Pick, use_i18n};
use crate::ui::empty_state::EmptyState;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::loading::Loading;
use crate::ui::pager::Pager;
use leptos::prelude::*;
use openapi::{Page, PageQuery};

/// Rows per page of every table.
const PER_PAGE: u32 = 20;

/// One page of a list: «Загрузка…» at first, then the error, «Ничего не найдено», or the
/// table and the pager. While another page loads, the table shown stays, dimmed and
/// marked busy.
#[component]
pub fn DataTable<T, R, V>(
    /// The page of the list to show; it reloads when its filters or page change.
    list: LocalResource<Result<Page<T>, ApiError>>,
    /// The 1-based page shown; the pager changes it.
    page: RwSignal<u32>,
    /// The column headings in the catalogue, in order.
    headers: &'static [Pick],
    /// The table's `data-testid`.
    testid: &'static str,
    /// Renders the row of one item.
    row: R,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let refreshing = RwSignal::new(false);
    let table = move || {
        let row = row.clone();
        Suspend::new(async move {
            match list.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(list) if list.items.is_empty() => view! { <EmptyState/> }.into_any(),
                Ok(list) => {
                    let page_count = list.page_count();
                    let capped = list.total_capped.then(|| {
                        view! {
                            <p class="hint" data-testid="total-capped">{move || i18n.t().total_capped}</p>
                        }
                    });
                    let headers = headers
                        .iter()
                        .map(|&header| view! { <th scope="col">{move || header(i18n.t())}</th> })
                        .collect_view();
                    let rows = list.items.into_iter().map(row).collect_view();
                    view! {
                        <div class="table-wrap">
                            <table class="table" data-testid=testid>
                                <thead>
                                    <tr>{headers}</tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                        <Pager page=page page_count=page_count/>
                        {capped}
                    }
                    .into_any()
                }
            }
        })
    };

    view! {
        <div class="list" class:stale=move || refreshing.get() aria-busy=move || refreshing.get().to_string()>
            <Transition fallback=|| view! { <Loading/> } set_pending=refreshing.write_only()>
                {table}
            </Transition>
        </div>
    }
}

/// The request for `page` of a table (reactive).
pub fn paging(page: RwSignal<u32>) -> PageQuery {
    PageQuery {
        page: Some(page.get()),
        per_page: Some(PER_PAGE),
    }
}
