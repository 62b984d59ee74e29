//! The «Приказы» tab: a project's orders, their drafts and issuing.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::features::launch::order_card::OrderCard;
use crate::features::launch::order_form::OrderForm;
use crate::i18n::use_i18n;
use crate::ui::add_button::AddButton;
use crate::ui::empty_state::EmptyState;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::loading::Loading;
use leptos::prelude::*;
use openapi::orders::Order;
use openapi::projects::Project;

/// The orders, the latest first, each with its number, date, title and status, a DOCX
/// download and the print view; drafts are changed by the administration and council
/// and issued by the director after a confirmation.
#[component]
pub fn ProjectOrders(
    /// The project.
    project: Project,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let org = project.org_id;
    let may_manage = auth
        .with_me_untracked(|me| access::may_manage_project(me, org))
        .unwrap_or(false);
    let director = auth
        .with_me_untracked(|me| access::is_director_of(me, org))
        .unwrap_or(false);
    let adding = RwSignal::new(false);
    let id = project.id;
    let orders = LocalResource::new(move || api::orders::list_orders(id));
    let saved = Callback::new(move |_: Order| {
        adding.set(false);
        orders.refetch();
    });
    let for_rows = project.clone();
    let list = move || {
        let project = for_rows.clone();
        Suspend::new(async move {
            match orders.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(list) if list.is_empty() => view! { <EmptyState text=|t| t.launch.no_orders/> }.into_any(),
                Ok(list) => list
                    .into_iter()
                    .map(|order| {
                        view! {
                            <OrderCard order=order project=project.clone() may_manage=may_manage director=director on_saved=saved/>
                        }
                    })
                    .collect_view()
                    .into_any(),
            }
        })
    };
    let for_form = project.clone();
    view! {
        <section class="section" data-testid="project-orders">
            <div class="section-head">
                <h2>{move || i18n.t().launch.orders_heading}</h2>
                <AddButton label=|t| t.launch.add_order testid="add-order" open=adding allowed=may_manage/>
            </div>
            <Show when=move || adding.get()>
                <OrderForm project=for_form.clone() on_saved=saved on_cancel=Callback::new(move |()| adding.set(false))/>
            </Show>
            <Transition fallback=|| view! { <Loading/> }>{list}</Transition>
        </section>
    }
}
