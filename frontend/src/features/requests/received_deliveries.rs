//! «Поставки нашей школе»: what a partner's school received, to confirm and rate, and
//! to ask its own staff for feedback through single-use links.

use crate::api::{self, ApiError};
use crate::features::requests::feedback_links::FeedbackLinkButton;
use crate::features::requests::links_issued::LinksIssued;
use crate::features::requests::score_form::ScoreForm;
use crate::i18n::{Pick, use_i18n};
use crate::ui::error_alert::{ErrorAlert, failure};
use leptos::prelude::*;
use openapi::feedback::FeedbackInput;
use openapi::lifecycle::{Delivery, DeliveryFilter};
use openapi::{OrganisationId, ProblemCode};

/// «Поставки нашей школе»: what the partner's school received, to confirm and rate.
#[component]
pub fn Received(org: OrganisationId) -> impl IntoView {
    let i18n = use_i18n();
    let changed = RwSignal::new(0_usize);
    let list = LocalResource::new(move || {
        changed.track();
        let filter = DeliveryFilter {
            recipient_org_id: Some(org),
            ..DeliveryFilter::default()
        };
        async move { api::deliveries::list_deliveries(&filter).await }
    });
    view! {
        <section class="section" data-testid="received">
            <h2>{move || i18n.t().requests.received}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                        Ok(page) if page.items.is_empty() => {
                            view! { <p class="empty">{move || i18n.t().deliveries.none}</p> }.into_any()
                        }
                        Ok(page) => {
                            view! {
                                <ul class="rows">
                                    {page
                                        .items
                                        .into_iter()
                                        .map(|delivery| view! { <ReceivedRow delivery=delivery changed=changed/> })
                                        .collect_view()}
                                </ul>
                            }
                            .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// A second rating by the same person.
fn rating_refusal(error: &ApiError) -> Option<Pick> {
    (error.code() == Some(ProblemCode::Conflict)).then_some(|t| t.requests.already_rated)
}

/// One delivery received: «Подтвердить получение», «Оценить» (or «Вы уже оценили эту
/// поставку» once the user has rated it) and «Ссылка для отзыва» for a colleague
/// without an account.
#[component]
fn ReceivedRow(delivery: Delivery, changed: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let id = delivery.id;
    let confirmed = delivery.confirmed_at.is_some();
    let (responses, answered) = (delivery.responses, delivery.answered_by_me);
    let rating = RwSignal::new(false);
    let confirm = Action::new_local(move |(): &()| async move {
        let confirmed = api::deliveries::confirm_delivery(id).await;
        if confirmed.is_ok() {
            queue_microtask(move || changed.update(|count| *count += 1));
        }
        confirmed
    });
    let rate = Action::new_local(move |input: &FeedbackInput| {
        let input = input.clone();
        async move { api::deliveries::rate_delivery(id, &input).await }
    });
    let rated = move || rate.value().with(|result| matches!(result, Some(Ok(_))));
    let (form, delivered_on) = (delivery.form, delivery.delivered_on);
    view! {
        <li class="card" data-testid="received-row">
            <p>
                <strong>{delivery.resource_title.clone()}</strong> " · "
                {move || i18n.t().day(delivered_on)} " · "
                {move || i18n.t().deliveries.form(form)}
            </p>
            <p class="meta">
                <span data-testid="delivery-status">
                    {move || if confirmed { i18n.t().deliveries.confirmed } else { i18n.t().deliveries.unconfirmed }}
                </span>
                " · "
                <span data-testid="delivery-responses">
                    {move || format!("{}: {responses}", i18n.t().deliveries.responses_count)}
                </span>
                " · "
                <LinksIssued issued=delivery.feedback_links recipients=delivery.recipients/>
            </p>
            <div class="form-actions">
                {(!confirmed).then(|| view! {
                    <button type="button" class="button button-primary" data-testid="confirm-delivery"
                        disabled=move || confirm.pending().get()
                        on:click=move |_| { confirm.dispatch(()); }>
                        {move || i18n.t().requests.confirm}
                    </button>
                })}
                <Show when=move || !answered && !rating.get()>
                    <button type="button" class="button" data-testid="rate-delivery" on:click=move |_| rating.set(true)>
                        {move || i18n.t().requests.rate}
                    </button>
                </Show>
            </div>
            <FeedbackLinkButton delivery=id/>
            <ErrorAlert error=failure(confirm)/>
            {answered.then(|| view! {
                <p class="meta" data-testid="already-rated">{move || i18n.t().requests.already_rated}</p>
            })}
            <Show when=move || !answered && rating.get()>
                <Show
                    when=rated
                    fallback=move || view! { <ScoreForm action=rate refusal=rating_refusal/> }
                >
                    <p class="alert alert-success" role="status" data-testid="rated">{move || i18n.t().requests.rated}</p>
                </Show>
            </Show>
        </li>
    }
}
