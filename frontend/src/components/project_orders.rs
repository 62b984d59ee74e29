//! The «Приказы» tab: a project's orders, their drafts and issuing.

use crate::access;
use crate::api;
use crate::app::use_auth;
use crate::components::add_button::AddButton;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::date_field::{DateField, parse_date, shown, today_value};
use crate::components::empty_state::EmptyState;
use crate::components::error_alert::{ErrorAlert, failure};
use crate::components::field_error::server_message;
use crate::components::form_actions::FormActions;
use crate::components::loading::Loading;
use crate::components::option_select::OptionSelect;
use crate::components::text_field::{TextField, trimmed};
use crate::components::textarea_field::TextAreaField;
use crate::files;
use crate::i18n::{self, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::orders::{Order, OrderInput, OrderStatus};
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

/// One order with its actions.
#[component]
fn OrderCard(
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
    let issue = Action::new_local(move |(): &()| async move {
        let issued = api::orders::issue_order(id).await;
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
            let safe: String = number
                .chars()
                .map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' })
                .collect();
            let suffix = if draft { "-draft" } else { "" };
            files::save(&format!("order-{safe}{suffix}.docx"), &bytes);
            Ok::<_, crate::api::ApiError>(())
        }
    });
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
                    {format!(" {} {}", "·", shown(order.issued_on))} " · " {i18n::school_year(order.school_year)}
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

/// Number, date, school year, signatory and position; optionally the title and the
/// points (one per line) instead of the standard ones.
#[component]
fn OrderForm(
    project: Project,
    #[prop(optional)] order: Option<Order>,
    on_saved: Callback<Order>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = order.as_ref().map(|o| o.id);
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
                Some(id) => api::orders::update_order(id, &input).await,
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
                let points: Vec<String> = points
                    .get_untracked()
                    .lines()
                    .map(|line| line.trim().to_owned())
                    .filter(|line| !line.is_empty())
                    .collect();
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
