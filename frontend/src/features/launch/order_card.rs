//! An order in the project's list: its status, number, date, and the actions on it.

use crate::api;
use crate::features::launch::order_form::OrderForm;
use crate::files;
use crate::i18n::{self, use_i18n};
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::stale_notice::StaleNotice;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::orders::{Order, OrderStatus};
use openapi::projects::Project;

/// One order with its actions.
#[component]
pub fn OrderCard(
    order: Order,
    project: Project,
    may_manage: bool,
    director: bool,
    on_saved: Callback<Order>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = order.id;
    let status = order.status;
    let draft = status == OrderStatus::Draft;
    let editing = RwSignal::new(false);
    let asking = RwSignal::new(false);
    let version = order.version;
    let notice = StaleNotice::get();
    let issue = Action::new_local(move |(): &()| async move {
        let issued = api::orders::issue_order(id, version).await;
        let issued = notice.or_current(issued, || api::orders::get_order(id)).await;
        if let Ok(order) = &issued {
            on_saved.run(order.clone());
        }
        issued
    });
    let number = order.number.clone();
    let download = Action::new_local(move |(): &()| {
        let number = number.clone();
        async move {
            let bytes = api::orders::download_docx(id).await?;
            files::save(&rules::orders::file_name(&number, status), &bytes);
            Ok::<_, crate::api::ApiError>(())
        }
    });
    let issued_on = order.issued_on;
    let subject = format!("№ {} — {}", order.number, order.title);
    let points = order
        .points
        .iter()
        .map(|point| view! { <li>{point.clone()}</li> })
        .collect_view();
    let edited = order.clone();
    view! {
        <article class="card block" data-testid="order" data-order-id=id.to_string() data-status=status.as_str()>
            <div class="section-head">
                <h3>
                    <span data-testid="order-number">{"№ "}{order.number.clone()}</span>
                    " · " {move || i18n.t().day(issued_on)} " · " {i18n::school_year(order.school_year)}
                </h3>
                <span class="badge badge-status" data-status=status.as_str() data-testid="order-status">
                    {move || i18n.t().launch.order_status(status)}
                </span>
            </div>
            <p class="lead">{order.title.clone()}</p>
            <ol>{points}</ol>
            <p class="muted">{order.signatory_position.clone()} " " {order.signatory_name.clone()}</p>
            <div class="form-actions">
                <button type="button" class="button" data-testid="download-docx" on:click=move |_| { download.dispatch(()); }>
                    {move || i18n.t().launch.download_docx}
                </button>
                <A href=format!("/orders/{id}/print") {..} class="button" data-testid="print-view">
                    {move || i18n.t().launch.print_view}
                </A>
                <Show when=move || draft && may_manage && !editing.get()>
                    <button type="button" class="button" data-testid="edit-order" on:click=move |_| editing.set(true)>
                        {move || i18n.t().edit}
                    </button>
                </Show>
                <Show when=move || draft && director>
                    <button type="button" class="button button-primary" data-testid="issue-order" on:click=move |_| asking.set(true)>
                        {move || i18n.t().launch.issue}
                    </button>
                </Show>
            </div>
            <ErrorAlert error=failure(issue) testid="issue-error"/>
            <ErrorAlert error=failure(download)/>
            <Show when=move || editing.get()>
                <OrderForm
                    project=project.clone()
                    order=edited.clone()
                    on_saved=Callback::new(move |saved| {
                        editing.set(false);
                        on_saved.run(saved);
                    })
                    on_cancel=Callback::new(move |()| editing.set(false))
                />
            </Show>
            <Show when=move || asking.get()>
                <ConfirmDialog
                    title=|t| t.launch.issue_title
                    text=|t| t.launch.issue_text
                    subject=subject.clone()
                    confirm=|t| t.launch.issue
                    on_confirm=Callback::new(move |()| {
                        asking.set(false);
                        issue.dispatch(());
                    })
                    on_cancel=Callback::new(move |()| asking.set(false))
                />
            </Show>
        </article>
    }
}
