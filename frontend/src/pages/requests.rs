//! `/requests`: the consumer requests. Partners and the committee file requests and
//! follow them («Мои запросы»); a school's administration, council and teachers decide on
//! the requests to their school («Входящие запросы»); partners confirm and rate the
//! deliveries to their school.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::features::requests::received_deliveries::Received;
use crate::features::requests::request_inbox::Inbox;
use crate::features::requests::request_summary::request_summary;
use crate::i18n::use_i18n;
use crate::ui::add_button::AddButton;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::form_actions::FormActions;
use crate::ui::option_select::{OptionSelect, other_organisations};
use crate::ui::text_field::{TextField, trimmed};
use crate::ui::textarea_field::TextAreaField;
use chrono::NaiveDate;
use leptos::prelude::*;
use openapi::OrganisationId;
use openapi::organisations::OrganisationKind;
use openapi::requests::{RequestBox, RequestFilter, RequestInput};

/// The sections the user's roles may use.
#[component]
pub fn RequestsPage() -> impl IntoView {
    let i18n = use_auth();
    let texts = use_i18n();
    let files = i18n.with_me_untracked(access::may_file_requests).unwrap_or(false);
    let decides = i18n.with_me_untracked(access::may_decide_requests).unwrap_or(false);
    let partner_org = i18n
        .with_me_untracked(|me| access::receives_deliveries(me).then_some(me.organisation.id))
        .flatten();
    let own_org = i18n.with_me_untracked(|me| me.organisation.id);
    view! {
        <section class="page" data-testid="requests-page">
            <h1>{move || texts.t().requests.heading}</h1>
            {files.then(|| view! { <Outbox own_org=own_org/> })}
            {decides.then(|| view! { <Inbox own_org=own_org/> })}
            {partner_org.map(|org| view! { <Received org=org/> })}
        </section>
    }
}

/// «Мои запросы»: the outbox and «Новый запрос».
#[component]
fn Outbox(own_org: Option<OrganisationId>) -> impl IntoView {
    let i18n = use_i18n();
    let adding = RwSignal::new(false);
    let changed = RwSignal::new(0_usize);
    let list = LocalResource::new(move || {
        changed.track();
        let filter = RequestFilter {
            mailbox: Some(RequestBox::Outbox),
            ..RequestFilter::default()
        };
        async move { api::requests::list_requests(&filter).await }
    });
    let filed = Callback::new(move |()| {
        adding.set(false);
        changed.update(|count| *count += 1);
    });
    view! {
        <section class="section" data-testid="outbox">
            <div class="section-head">
                <h2>{move || i18n.t().requests.outbox}</h2>
                <AddButton label=|t| t.requests.add testid="add-request" open=adding/>
            </div>
            <Show when=move || adding.get()>
                <RequestForm own_org=own_org on_filed=filed on_cancel=Callback::new(move |()| adding.set(false))/>
            </Show>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                        Ok(page) if page.items.is_empty() => {
                            view! { <p class="empty">{move || i18n.t().requests.none}</p> }.into_any()
                        }
                        Ok(page) => {
                            view! {
                                <ul class="rows">
                                    {page
                                        .items
                                        .iter()
                                        .map(|request| {
                                            view! { <li class="card" data-testid="outbox-row">{request_summary(request)}</li> }
                                        })
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

/// «Новый запрос»: the need, the audience, the deadline and the school asked (or an open
/// request to the catalogue).
#[component]
fn RequestForm(own_org: Option<OrganisationId>, on_filed: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let need = RwSignal::new(String::new());
    let audience = RwSignal::new(String::new());
    let deadline = RwSignal::new(String::new());
    let target = RwSignal::new(None::<OrganisationId>);
    let options = other_organisations(Some(OrganisationKind::School), own_org);
    let create = Action::new_local(move |input: &RequestInput| {
        let input = input.clone();
        async move {
            let created = api::requests::create_request(&input).await;
            if created.is_ok() {
                queue_microtask(move || on_filed.run(()));
            }
            created
        }
    });
    let field = move |name: &'static str| {
        Signal::derive(move || {
            create.value().with(|result| match result {
                Some(Err(error)) => error.field(name).map(|code| i18n.t().field_error(code)),
                _ => None,
            })
        })
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        create.dispatch(RequestInput {
            need: trimmed(need),
            audience: trimmed(audience),
            desired_form: None,
            deadline: NaiveDate::parse_from_str(&deadline.get_untracked(), "%Y-%m-%d").ok(),
            target_org_id: target.get_untracked(),
            resource_id: None,
        });
    };
    view! {
        <form class="card form" data-testid="request-form" on:submit=submit>
            <TextAreaField id="request-need" label=|t| t.requests.need value=need error=field("need")/>
            <TextField id="request-audience" label=|t| t.requests.audience value=audience error=field("audience") autocomplete="off"/>
            <TextField
                id="request-deadline"
                label=|t| t.requests.deadline
                value=deadline
                error=field("deadline")
                autocomplete="off"
                input_type="date"
            />
            <OptionSelect
                id="request-target"
                label=|t| t.requests.target
                none=|t| t.requests.open
                options=options
                value=target
                error=field("target_org_id")
            />
            <ErrorAlert error=failure(create)/>
            <FormActions submit=|t| t.requests.submit pending=create.pending() submit_testid="request-submit" on_cancel=on_cancel/>
        </form>
    }
}
