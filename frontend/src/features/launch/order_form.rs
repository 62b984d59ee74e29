//! The form of a draft order: number, date, school year, signatory, title and points.

use crate::api;
use crate::i18n::{self, use_i18n};
use crate::ui::date_field::{DateField, parse_date, today_value};
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::server_message;
use crate::ui::form_actions::FormActions;
use crate::ui::option_select::OptionSelect;
use crate::ui::stale_notice::StaleNotice;
use crate::ui::text_field::{TextField, lines, trimmed};
use crate::ui::textarea_field::TextAreaField;
use leptos::prelude::*;
use openapi::orders::{Order, OrderInput};
use openapi::projects::Project;

/// Number, date, school year, signatory and position; optionally the title and the
/// points (one per line) instead of the standard ones.
#[component]
pub fn OrderForm(
    project: Project,
    #[prop(optional)] order: Option<Order>,
    on_saved: Callback<Order>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = order.as_ref().map(|o| (o.id, o.version));
    let notice = StaleNotice::get();
    let project_id = project.id;
    let (first, last) = (project.start_year, project.end_year);
    let number = RwSignal::new(order.as_ref().map(|o| o.number.clone()).unwrap_or_default());
    let date = RwSignal::new(
        order
            .as_ref()
            .map_or_else(today_value, |o| o.issued_on.format("%Y-%m-%d").to_string()),
    );
    let checked = RwSignal::new(false);
    let year = RwSignal::new(Some(
        order
            .as_ref()
            .map_or(i18n::current_school_year().clamp(first, last), |o| o.school_year),
    ));
    let signatory = RwSignal::new(order.as_ref().map(|o| o.signatory_name.clone()).unwrap_or_default());
    let position = RwSignal::new(
        order
            .as_ref()
            .map_or_else(|| "Директор".to_owned(), |o| o.signatory_position.clone()),
    );
    let title = RwSignal::new(order.as_ref().map(|o| o.title.clone()).unwrap_or_default());
    let points = RwSignal::new(order.as_ref().map(|o| o.points.join("\n")).unwrap_or_default());
    let years = Signal::derive(move || (first..=last).map(|y| (y, i18n::school_year(y))).collect::<Vec<_>>());
    let save = Action::new_local(move |input: &OrderInput| {
        let input = input.clone();
        async move {
            let saved = match id {
                Some((id, version)) => {
                    let result = api::orders::update_order(id, version, &input).await;
                    notice.or_current(result, || api::orders::get_order(id)).await
                }
                None => api::orders::create_order(project_id, &input).await,
            };
            if let Ok(order) = &saved {
                on_saved.run(order.clone());
            }
            saved
        }
    });
    let error = failure(save);
    view! {
        <form
            class="card form"
            data-testid="order-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                checked.set(true);
                let Some(issued_on) = parse_date(&date.get_untracked()) else { return };
                let title = trimmed(title);
                let points = lines(points);
                save.dispatch(OrderInput {
                    number: trimmed(number),
                    issued_on,
                    school_year: year.get_untracked().unwrap_or(first),
                    title: (!title.is_empty()).then_some(title),
                    points: (!points.is_empty()).then_some(points),
                    signatory_name: trimmed(signatory),
                    signatory_position: trimmed(position),
                    supersedes_id: None,
                });
            }
        >
            <h3>{move || if id.is_some() { i18n.t().launch.order_edit } else { i18n.t().launch.order_new }}</h3>
            <div class="form-grid form-grid-fill">
                <TextField id="order-number" label=|t| t.launch.number autocomplete="off" value=number error=server_message(error, "number")/>
                <DateField id="order-date" label=|t| t.launch.order_date value=date checked=checked error=server_message(error, "issued_on")/>
                <OptionSelect id="order-year" label=|t| t.launch.school_year options=years value=year error=server_message(error, "school_year")/>
                <TextField id="order-signatory" label=|t| t.launch.signatory_name autocomplete="off" value=signatory error=server_message(error, "signatory_name")/>
                <TextField id="order-position" label=|t| t.launch.signatory_position autocomplete="off" value=position error=server_message(error, "signatory_position")/>
            </div>
            <TextField id="order-title" label=|t| t.launch.order_title hint=|t| t.launch.order_title_hint autocomplete="off" value=title error=server_message(error, "title")/>
            <TextAreaField id="order-points" label=|t| t.launch.points rows=4 value=points error=server_message(error, "points")/>
            <p class="hint">{move || i18n.t().launch.points_hint}</p>
            <ErrorAlert error=error testid="order-form-error"/>
            <FormActions submit=|t| t.save pending=save.pending() submit_testid="order-submit" on_cancel=on_cancel/>
        </form>
    }
}
