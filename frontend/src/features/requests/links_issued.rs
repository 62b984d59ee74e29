//! «Ссылок для отзывов: 2 из 25»: the links issued out of the people the delivery reached.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// «Ссылок для отзывов: 2 из 25»: the links issued out of the people the delivery reached.
#[component]
pub fn LinksIssued(
    /// Links issued.
    issued: i64,
    /// People reached: the most links the delivery may have.
    recipients: u32,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span data-testid="delivery-links">
            {move || {
                let t = i18n.t();
                format!("{}: {issued} {} {recipients}", t.feedback_links.issued, t.deliveries.out_of)
            }}
        </span>
    }
}
