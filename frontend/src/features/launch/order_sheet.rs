//! An order laid out as a Russian school order, for printing.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use openapi::orders::{Order, OrderStatus};

/// The school's name, «ПРИКАЗ», the date and number, the title, «ПРИКАЗЫВАЮ:», the
/// numbered points, the signature line and the appendix with the participants.
#[component]
pub fn OrderSheet(
    /// The order.
    order: Order,
) -> impl IntoView {
    let i18n = use_i18n();
    let draft = order.status == OrderStatus::Draft;
    let points = order
        .points
        .into_iter()
        .map(|point| view! { <li>{point}</li> })
        .collect_view();
    let participants = order
        .participants
        .into_iter()
        .zip(1..)
        .map(|(p, n)| {
            let function = p.function;
            view! {
                <tr>
                    <td>{n}</td>
                    <td>{p.name}</td>
                    <td>{p.structure}</td>
                    <td>{move || i18n.t().launch.function(function)}</td>
                    <td>{p.competence}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <article class="order-sheet" data-testid="order-sheet">
            <Show when=move || draft>
                <p class="order-draft">{move || i18n.t().launch.draft_mark}</p>
            </Show>
            <p class="order-school">{order.org_name}</p>
            <h1 class="order-word" data-testid="order-word">{move || i18n.t().launch.order_word}</h1>
            <p class="order-date-line">
                <span>{move || i18n.t().day(order.issued_on)}</span>
                <span data-testid="order-sheet-number">"№ " {order.number}</span>
            </p>
            <p class="order-title">{order.title}</p>
            <p class="order-i-order">{move || i18n.t().launch.i_order}</p>
            <ol class="order-points">{points}</ol>
            <p class="order-signature">
                <span>{order.signatory_position}</span>
                <span class="order-signature-line"></span>
                <span>{order.signatory_name}</span>
            </p>
            <section class="order-appendix">
                <p class="order-appendix-head">{move || i18n.t().launch.appendix}</p>
                <h2>{move || i18n.t().launch.participants}</h2>
                <table class="order-table">
                    <thead>
                        <tr>
                            <th>"№"</th>
                            <th>{move || i18n.t().launch.participant_name}</th>
                            <th>{move || i18n.t().launch.structure}</th>
                            <th>{move || i18n.t().launch.function}</th>
                            <th>{move || i18n.t().launch.competence}</th>
                        </tr>
                    </thead>
                    <tbody>{participants}</tbody>
                </table>
            </section>
        </article>
    }
}
