//! «Поставки» of a resource: where its products went, and the form that records a
//! delivery with the people it reached (the receiving school's feedback links are in
//! `feedback_links`).

use crate::api::{self, ApiError};
use crate::features::requests::links_issued::LinksIssued;
use crate::i18n::use_i18n;
use crate::ui::add_button::AddButton;
use crate::ui::date_field::today_value;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::form_actions::FormActions;
use crate::ui::option_select::{OptionSelect, organisations};
use crate::ui::select_field::SelectField;
use crate::ui::text_field::{TextField, trimmed};
use chrono::NaiveDate;
use leptos::prelude::*;
use openapi::lifecycle::{Delivery, DeliveryFilter, DeliveryForm, DeliveryInput};
use openapi::organisations::OrganisationKind;
use openapi::resources::VersionKind;
use openapi::{OrganisationId, ResourceId};

/// The deliveries of the resource, newest first; for the school's administration, council
/// and teachers «Зафиксировать поставку».
#[component]
pub fn Deliveries(
    /// The resource.
    resource: ResourceId,
    /// The resource's school, which cannot deliver to itself.
    org: OrganisationId,
    /// Whether the user may record deliveries.
    may_edit: bool,
    /// Changes whenever a delivery was recorded.
    changed: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let adding = RwSignal::new(false);
    let deliveries = LocalResource::new(move || {
        changed.track();
        let filter = DeliveryFilter {
            resource_id: Some(resource),
            ..DeliveryFilter::default()
        };
        async move { api::deliveries::list_deliveries(&filter).await }
    });
    let added = Callback::new(move |()| {
        adding.set(false);
        changed.update(|count| *count += 1);
    });

    view! {
        <section class="section" data-testid="deliveries">
            <div class="section-head">
                <h2>{move || i18n.t().deliveries.heading}</h2>
                <AddButton
                    label=|t| t.deliveries.add
                    testid="add-delivery"
                    open=adding
                    allowed=Signal::stored(may_edit)
                />
            </div>
            <Show when=move || adding.get()>
                <DeliveryForm
                    resource=resource
                    org=org
                    on_added=added
                    on_cancel=Callback::new(move |()| adding.set(false))
                />
            </Show>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match deliveries.await {
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
                                        .map(|delivery| view! { <DeliveryRow delivery=delivery/> })
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

/// One delivery: when, to whom, in what form, whether confirmed, how many answers it got
/// and how many of its feedback links are issued.
#[component]
fn DeliveryRow(
    /// The delivery.
    delivery: Delivery,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = delivery.form;
    let delivered_on = delivery.delivered_on;
    let confirmed = delivery.confirmed_at.is_some();
    let responses = delivery.responses;
    view! {
        <li class="card delivery" data-testid="delivery-row">
            <p>
                <strong data-testid="delivery-recipient">{delivery.recipient_short_name.clone()}</strong>
                " · " {move || i18n.t().day(delivered_on)} " · "
                {move || i18n.t().deliveries.form(form)}
                " · " {delivery.contact.clone()}
            </p>
            <p class="meta">
                <span data-testid="delivery-status">
                    {move || {
                        if confirmed { i18n.t().deliveries.confirmed } else { i18n.t().deliveries.unconfirmed }
                    }}
                </span>
                " · "
                <span data-testid="delivery-responses">
                    {move || format!("{}: {responses}", i18n.t().deliveries.responses_count)}
                </span>
                " · "
                <LinksIssued issued=delivery.feedback_links recipients=delivery.recipients/>
            </p>
        </li>
    }
}

/// «Зафиксировать поставку»: the product version, the recipient school, the date, the form
/// and the contact person.
#[component]
fn DeliveryForm(
    resource: ResourceId,
    org: OrganisationId,
    on_added: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(None::<i64>);
    let recipient = RwSignal::new(None::<OrganisationId>);
    let delivered_on = RwSignal::new(today_value());
    let form = RwSignal::new(DeliveryForm::Handover);
    let contact = RwSignal::new(String::new());
    let recipients = RwSignal::new("1".to_owned());
    let versions = LocalResource::new(move || api::lifecycle::list_versions(resource));
    let version_options = Signal::derive(move || {
        let t = i18n.t();
        versions
            .get()
            .and_then(Result::ok)
            .map(|page| {
                page.items
                    .into_iter()
                    .filter(|version| version.kind == VersionKind::Product && !version.files.is_empty())
                    .map(|version| {
                        (
                            version.id,
                            format!("{} {} · {}", t.lifecycle.version_number, version.number, version.notes),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let schools = organisations(Some(OrganisationKind::School));
    let school_options = Signal::derive(move || {
        schools
            .get()
            .into_iter()
            .filter(|school| school.id != org)
            .map(|school| (school.id, school.short_name))
            .collect::<Vec<_>>()
    });
    let create = Action::new_local(move |input: &DeliveryInput| {
        let input = input.clone();
        async move {
            let created = api::deliveries::create_delivery(resource, &input).await;
            if created.is_ok() {
                queue_microtask(move || on_added.run(()));
            }
            created
        }
    });
    let missing = RwSignal::new(false);
    let field = move |name: &'static str| {
        Signal::derive(move || {
            let t = i18n.t();
            let required = match name {
                "version_id" => version.with(Option::is_none),
                "recipient_org_id" => recipient.with(Option::is_none),
                "contact" => contact.with(|contact| contact.trim().is_empty()),
                _ => false,
            };
            if missing.get() && required {
                return Some(t.field_required);
            }
            create.value().with(|result| match result {
                Some(Err(error)) => error.field(name).map(|code| t.field_error(code)),
                _ => None,
            })
        })
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (Some(version_id), Some(recipient_org_id), Ok(date)) = (
            version.get_untracked(),
            recipient.get_untracked(),
            NaiveDate::parse_from_str(&delivered_on.get_untracked(), "%Y-%m-%d"),
        ) else {
            missing.set(true);
            return;
        };
        if trimmed(contact).is_empty() {
            missing.set(true);
            return;
        }
        // A number the server refuses (out of range) is sent as it is and named by the
        // server; one that is not a number at all is sent as 0, which it refuses too.
        let reached = trimmed(recipients).parse::<u32>().unwrap_or(0);
        missing.set(false);
        create.dispatch(DeliveryInput {
            version_id,
            recipient_org_id,
            delivered_on: date,
            form: form.get_untracked(),
            contact: trimmed(contact),
            recipients: Some(reached),
        });
    };
    let not_created = Signal::derive(move || {
        failure(create)
            .get()
            .filter(|error: &ApiError| error.code() != Some(openapi::ProblemCode::ValidationFailed))
    });
    view! {
        <form class="card form" data-testid="delivery-form" on:submit=submit>
            <h3>{move || i18n.t().deliveries.add}</h3>
            <OptionSelect
                id="delivery-version"
                label=|t| t.deliveries.version
                none=|t| t.deliveries.choose
                options=version_options
                value=version
                error=field("version_id")
            />
            <OptionSelect
                id="delivery-recipient"
                label=|t| t.deliveries.recipient
                none=|t| t.deliveries.choose
                options=school_options
                value=recipient
                error=field("recipient_org_id")
            />
            <TextField
                id="delivery-date"
                label=|t| t.deliveries.delivered_on
                value=delivered_on
                error=field("delivered_on")
                autocomplete="off"
                input_type="date"
            />
            <SelectField id="delivery-form-kind" label=|t| t.deliveries.form value=form/>
            <TextField
                id="delivery-contact"
                label=|t| t.deliveries.contact
                value=contact
                error=field("contact")
                autocomplete="off"
            />
            <TextField
                id="delivery-recipients"
                label=|t| t.feedback_links.recipients
                value=recipients
                error=field("recipients")
                autocomplete="off"
                input_type="number"
                hint=|t| t.feedback_links.recipients_hint
            />
            <ErrorAlert error=not_created testid="delivery-error"/>
            <FormActions
                submit=|t| t.deliveries.add
                pending=create.pending()
                submit_testid="delivery-submit"
                on_cancel=on_cancel
            />
        </form>
    }
}
