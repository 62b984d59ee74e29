//! «Входящие запросы»: the requests to a school and its decisions on them.

use crate::api;
use crate::features::requests::request_summary::request_summary;
use crate::i18n::{Pick, use_i18n};
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::form_actions::FormActions;
use crate::ui::option_select::OptionSelect;
use crate::ui::stale_notice::StaleNotice;
use crate::ui::text_field::{TextField, trimmed};
use leptos::prelude::*;
use openapi::requests::{ConsumerRequest, RequestBox, RequestDecision, RequestFilter, RequestStatus};
use openapi::resources::ResourceFilter;
use openapi::{OrganisationId, PageQuery, ResourceId};

/// «Входящие запросы»: the requests to the school with the decisions.
#[component]
pub fn Inbox(own_org: Option<OrganisationId>) -> impl IntoView {
    let i18n = use_i18n();
    let changed = RwSignal::new(0_usize);
    let list = LocalResource::new(move || {
        changed.track();
        let filter = RequestFilter {
            mailbox: Some(RequestBox::Inbox),
            ..RequestFilter::default()
        };
        async move { api::requests::list_requests(&filter).await }
    });
    let resources = LocalResource::new(move || async move {
        let filter = ResourceFilter {
            org_id: own_org,
            ..ResourceFilter::default()
        };
        let page = PageQuery {
            page: Some(1),
            per_page: Some(100),
        };
        api::resources::list_resources(&filter, page).await
    });
    let resource_options = Signal::derive(move || {
        resources
            .get()
            .and_then(Result::ok)
            .map(|page| {
                page.items
                    .into_iter()
                    .map(|resource| (resource.id, resource.title))
                    .collect()
            })
            .unwrap_or_default()
    });
    view! {
        <section class="section" data-testid="inbox">
            <h2>{move || i18n.t().requests.inbox}</h2>
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
                                        .into_iter()
                                        .map(|request| {
                                            view! { <InboxRow request=request resources=resource_options changed=changed/> }
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

/// Which decision is being made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Deciding {
    Accept,
    Answer,
    Decline,
}

/// One incoming request; while it awaits a decision, «Принять», «Ответить ресурсом» and
/// «Отклонить», each opening its questions.
#[component]
fn InboxRow(
    request: ConsumerRequest,
    resources: Signal<Vec<(ResourceId, String)>>,
    changed: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = request.id;
    let version = request.version;
    let notice = StaleNotice::get();
    let open = request.status == RequestStatus::Submitted;
    let deciding = RwSignal::new(None::<Deciding>);
    let resource = RwSignal::new(None::<ResourceId>);
    let note = RwSignal::new(String::new());
    let decide = Action::new_local(move |decision: &RequestDecision| {
        let decision = decision.clone();
        async move {
            let decided = api::requests::decide(id, version, &decision).await;
            // Decided, or changed by someone else: the inbox is read again as it is now.
            if decided.is_ok() || decided.as_ref().is_err_and(|error| notice.raise_if_stale(error)) {
                queue_microtask(move || changed.update(|count| *count += 1));
            }
            decided
        }
    });
    let missing = RwSignal::new(false);
    let required = move |unset: bool| Signal::derive(move || (missing.get() && unset).then(|| i18n.t().field_required));
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = trimmed(note);
        let decision = match (deciding.get_untracked(), resource.get_untracked()) {
            (Some(Deciding::Accept), Some(resource_id)) => RequestDecision::Accept { resource_id },
            (Some(Deciding::Answer), Some(resource_id)) => RequestDecision::Answer {
                resource_id,
                note: (!text.is_empty()).then_some(text),
            },
            (Some(Deciding::Decline), _) if !text.is_empty() => RequestDecision::Decline { reason: text },
            _ => {
                missing.set(true);
                return;
            }
        };
        missing.set(false);
        decide.dispatch(decision);
    };
    let button = move |which: Deciding, label: Pick, testid: &'static str| {
        view! {
            <button type="button" class="button" data-testid=testid on:click=move |_| {
                missing.set(false);
                deciding.set(Some(which));
            }>
                {move || label(i18n.t())}
            </button>
        }
    };
    let resource_missing =
        Signal::derive(move || (missing.get() && resource.with(Option::is_none)).then(|| i18n.t().field_required));
    let note_missing = required(true);
    let decision_form = move || {
        deciding.get().map(|which| {
            let (title, label): (Pick, Pick) = match which {
                Deciding::Accept => (|t| t.requests.accept, |t| t.requests.note),
                Deciding::Answer => (|t| t.requests.answer, |t| t.requests.note),
                Deciding::Decline => (|t| t.requests.decline, |t| t.requests.reason),
            };
            let chooses = which != Deciding::Decline;
            let writes = which != Deciding::Accept;
            let note_error = if which == Deciding::Decline { note_missing } else { Signal::stored(None) };
            view! {
                <form class="form inline-form" data-testid="decision-form" on:submit=submit>
                    <h3>{move || title(i18n.t())}</h3>
                    {chooses.then(|| view! {
                        <OptionSelect
                            id=format!("decision-resource-{id}")
                            label=|t| t.requests.resource
                            none=|t| t.deliveries.choose
                            options=resources
                            value=resource
                            error=resource_missing
                            testid=false
                        />
                    })}
                    {writes.then(|| view! { <TextField id=format!("decision-note-{id}") label=label value=note error=note_error autocomplete="off" testid=false/> })}
                    <ErrorAlert error=failure(decide)/>
                    <FormActions
                        submit=title
                        pending=decide.pending()
                        submit_testid="decision-submit"
                        on_cancel=Callback::new(move |()| deciding.set(None))
                    />
                </form>
            }
        })
    };
    view! {
        <li class="card" data-testid="inbox-row">
            {request_summary(&request)}
            {open.then(|| view! {
                <Show when=move || deciding.with(Option::is_none)>
                    <div class="form-actions">
                        {button(Deciding::Accept, |t| t.requests.accept, "accept-request")}
                        {button(Deciding::Answer, |t| t.requests.answer, "answer-request")}
                        {button(Deciding::Decline, |t| t.requests.decline, "decline-request")}
                    </div>
                </Show>
                {decision_form}
            })}
        </li>
    }
}
