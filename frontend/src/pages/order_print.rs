//! `/orders/:id/print`: an order as it is printed.

use crate::api::{self, ApiError};
use crate::features::launch::order_sheet::OrderSheet;
use crate::i18n::use_i18n;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::loading::Loading;
use crate::ui::print_button::PrintButton;
use leptos::Params;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

/// The path of an order's print view.
#[derive(Debug, Clone, PartialEq, Params)]
struct OrderParams {
    /// The order's id.
    id: Option<i64>,
}

/// The order sheet with «Печать» (the browser's print dialog) and a link back to the
/// project; printing hides everything but the sheet.
#[component]
pub fn OrderPrintPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params::<OrderParams>();
    let id = Memo::new(move |_| params.with(|params| params.as_ref().ok().and_then(|params| params.id)));
    let order = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::orders::get_order(id).await,
                None => Err(ApiError::not_found()),
            }
        }
    });
    let body = move || {
        Suspend::new(async move {
            match order.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(order) => {
                    let back_href = format!("/projects/{}/orders", order.project_id);
                    view! {
                        <div class="print-actions no-print">
                            <A href={back_href} {..} data-testid="back-to-project">{move || i18n.t().launch.back_to_project}</A>
                            <PrintButton label=|t| t.launch.print/>
                        </div>
                        <OrderSheet order=order/>
                    }
                    .into_any()
                }
            }
        })
    };
    view! {
        <section class="page print-page" data-testid="order-print-page">
            <Transition fallback=|| view! { <Loading/> }>{body}</Transition>
        </section>
    }
}
