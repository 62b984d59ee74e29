//! `/approvals`: what waits for the signed-in user's decision.

use crate::api;
use crate::i18n::use_i18n;
use crate::ui::empty_state::EmptyState;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::loading::Loading;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::plan::WaitingKind;

/// The director's structures and drafted orders, the council's document versions, each
/// with a link to the project's tab where the decision is taken.
#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let i18n = use_i18n();
    let items = LocalResource::new(api::me::approvals);
    let body = move || {
        Suspend::new(async move {
            match items.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(list) if list.is_empty() => view! { <EmptyState/> }.into_any(),
                Ok(list) => {
                    let rows = list
                        .into_iter()
                        .map(|item| {
                            let kind = item.kind;
                            let tab = match kind {
                                WaitingKind::Structure => "structures",
                                WaitingKind::DocumentVersion => "package",
                                WaitingKind::Order => "orders",
                            };
                            view! {
                                <tr data-testid="approval-row" data-kind=kind.as_str()>
                                    <td>{move || i18n.t().launch.waiting_kind(kind)}</td>
                                    <td>
                                        <A href=format!("/projects/{}/{tab}", item.project_id) {..} data-testid="approval-link">
                                            {item.title.clone()}
                                        </A>
                                    </td>
                                    <td>{item.project_title.clone()}</td>
                                    <td class="nowrap">{move || i18n.t().date(&item.since)}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="table-wrap">
                            <table class="table" data-testid="approvals-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{move || i18n.t().launch.waiting_kind}</th>
                                        <th scope="col">{move || i18n.t().launch.waiting_title}</th>
                                        <th scope="col">{move || i18n.t().launch.waiting_project}</th>
                                        <th scope="col">{move || i18n.t().launch.waiting_since}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                }
            }
        })
    };
    view! {
        <section class="page" data-testid="approvals-page">
            <div class="page-head">
                <h1>{move || i18n.t().launch.approvals_heading}</h1>
            </div>
            <Transition fallback=|| view! { <Loading/> }>{body}</Transition>
        </section>
    }
}
