//! «Ссылка для отзыва» of a delivery the user's school received: the form that issues a
//! single-use link for one respondent's e-mail, and the links issued so far with their
//! e-mails. The host school, whose resource is rated, issues no links.

use crate::api;
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure, general_failure};
use crate::ui::field_error::server_message;
use crate::ui::form_actions::FormActions;
use crate::ui::text_field::{TextField, trimmed};
use leptos::prelude::*;
use openapi::feedback::{FeedbackLink, FeedbackLinkInput, IssuedFeedbackLink};

/// The button, then the link form and the links issued for the delivery.
#[component]
pub fn FeedbackLinkButton(
    /// The delivery.
    delivery: i64,
) -> impl IntoView {
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let issued = RwSignal::new(0_usize);
    let on_issued = Callback::new(move |()| issued.update(|count| *count += 1));
    view! {
        <Show
            when=move || asking.get()
            fallback=move || {
                view! {
                    <button type="button" class="button" data-testid="feedback-link" title=move || i18n.t().deliveries.link_hint
                        on:click=move |_| asking.set(true)>
                        {move || i18n.t().deliveries.link}
                    </button>
                }
            }
        >
            <FeedbackLinkForm delivery=delivery on_issued=on_issued/>
            <IssuedLinks delivery=delivery issued=issued/>
        </Show>
    }
}

/// The respondent's e-mail (required) and name, the server's field errors beside them,
/// and, once created, the full address of the link to copy.
#[component]
fn FeedbackLinkForm(delivery: i64, on_issued: Callback<()>) -> impl IntoView {
    let email = RwSignal::new(String::new());
    let respondent = RwSignal::new(String::new());
    let create = Action::new_local(move |input: &FeedbackLinkInput| {
        let input = input.clone();
        async move {
            let created = api::deliveries::create_feedback_link(delivery, &input).await;
            if created.is_ok() {
                queue_microtask(move || on_issued.run(()));
            }
            created
        }
    });
    let failed = failure(create);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        create.dispatch(FeedbackLinkInput {
            email: trimmed(email),
            respondent: trimmed(respondent),
            ..FeedbackLinkInput::default()
        });
    };
    let created = move || {
        create.value().with(|result| match result {
            Some(Ok(link)) => Some(created_link(link)),
            _ => None,
        })
    };
    view! {
        <form class="form inline-form" data-testid="feedback-link-form" on:submit=submit>
            <TextField
                id=format!("feedback-email-{delivery}")
                label=|t| t.feedback_links.email
                value=email
                error=server_message(failed, "email")
                autocomplete="off"
                input_type="email"
                testid=false
            />
            <TextField
                id=format!("respondent-{delivery}")
                label=|t| t.feedback_links.name
                value=respondent
                error=server_message(failed, "respondent")
                autocomplete="off"
                testid=false
            />
            <ErrorAlert error=general_failure(create)/>
            <FormActions submit=|t| t.deliveries.make_link pending=create.pending() submit_testid="make-link"/>
            {created}
        </form>
    }
}

/// The link's full address in a field the user can copy from.
fn created_link(link: &FeedbackLink) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let origin = web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default();
    let url = format!("{origin}/feedback/{}", link.token);
    let until = link.expires_at;
    view! {
        <div class="alert alert-success" role="status">
            <p>{move || i18n.t().deliveries.link_ready} " " {move || i18n.t().date(&until)}</p>
            <input type="text" class="link-field" readonly data-testid="feedback-url" value=url/>
        </div>
    }
}

/// The links issued for the delivery, newest first: e-mail, name, and answered or valid
/// until when; read again whenever `issued` changes.
#[component]
fn IssuedLinks(delivery: i64, issued: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let links = LocalResource::new(move || {
        issued.track();
        api::deliveries::list_feedback_links(delivery)
    });
    view! {
        <div class="issued-links" data-testid="issued-links">
            <h4>{move || i18n.t().feedback_links.heading}</h4>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match links.await {
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                        Ok(page) if page.items.is_empty() => {
                            view! { <p class="empty">{move || i18n.t().feedback_links.none}</p> }.into_any()
                        }
                        Ok(page) => {
                            view! { <ul class="rows">{page.items.into_iter().map(issued_link).collect_view()}</ul> }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </div>
    }
}

/// One issued link: its e-mail, the name, and its state.
fn issued_link(link: IssuedFeedbackLink) -> impl IntoView {
    let i18n = use_i18n();
    let IssuedFeedbackLink {
        email,
        respondent,
        expires_at,
        used_at,
        ..
    } = link;
    let name = (email.as_deref() != Some(respondent.as_str())).then(|| format!(" · {respondent}"));
    let state = move || {
        let t = i18n.t();
        match used_at {
            Some(_) => t.feedback_links.used.to_owned(),
            None => format!("{} {}", t.feedback_links.valid_until, t.date(&expires_at)),
        }
    };
    view! {
        <li data-testid="issued-link">
            <strong data-testid="issued-link-email">{email.unwrap_or_default()}</strong>
            {name}
            " · "
            <span class="meta">{state}</span>
        </li>
    }
}
