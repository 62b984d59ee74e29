//! `/feedback/:token`: the public page a respondent opens from a feedback link, without
//! signing in and outside the application's layout.

use crate::api::{self, ApiError};
use crate::features::requests::score_form::ScoreForm;
use crate::i18n::{Pick, use_i18n};
use crate::ui::loading::Loading;
use leptos::Params;
use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use openapi::ProblemCode;
use openapi::feedback::FeedbackInput;

/// The path of a feedback link.
#[derive(Debug, Clone, PartialEq, Params)]
struct FeedbackParams {
    /// The link's token.
    token: Option<String>,
}

/// Why a link cannot be answered: its e-mail has answered already, used, expired or
/// unknown.
fn link_refusal(error: &ApiError) -> Option<Pick> {
    if let ApiError::Problem(problem) = error
        && problem.reason == Some(openapi::RefusalReason::AlreadyAnswered)
    {
        return Some(|t| t.feedback_links.already_answered);
    }
    match error.code()? {
        ProblemCode::Conflict => Some(|t| t.deliveries.link_used),
        ProblemCode::TokenExpired => Some(|t| t.deliveries.link_expired),
        ProblemCode::InvalidToken | ProblemCode::NotFound | ProblemCode::Unauthenticated => {
            Some(|t| t.deliveries.link_invalid)
        }
        _ => None,
    }
}

/// What is rated and the questions; the thanks once answered; a clear message for a link
/// that was used, has expired or does not exist.
#[component]
pub fn FeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params::<FeedbackParams>();
    let token = Memo::new(move |_| {
        params
            .with(|params| params.as_ref().ok().and_then(|params| params.token.clone()))
            .unwrap_or_default()
    });
    let invitation = LocalResource::new(move || {
        let token = token.get();
        async move { api::deliveries::get_invitation(&token).await }
    });
    let answer = Action::new_local(move |input: &FeedbackInput| {
        let input = input.clone();
        let token = token.get_untracked();
        async move { api::deliveries::answer_invitation(&token, &input).await }
    });
    let answered = move || answer.value().with(|result| matches!(result, Some(Ok(_))));
    let refusal_text = move |error: &ApiError| {
        let pick = link_refusal(error).unwrap_or(|t| t.deliveries.link_invalid);
        view! { <p class="alert alert-error" role="alert" data-testid="link-refused">{move || pick(i18n.t())}</p> }
    };

    let body = move || {
        Suspend::new(async move {
            match invitation.await {
                Err(error) => refusal_text(&error).into_any(),
                Ok(invitation) => {
                    let t = i18n.t();
                    view! {
                        <dl class="card details" data-testid="invitation">
                            <dt>{t.deliveries.resource}</dt>
                            <dd data-testid="invitation-resource">{invitation.resource_title}</dd>
                            <dt>{t.deliveries.host}</dt>
                            <dd>{invitation.host_short_name}</dd>
                            <dt>{t.deliveries.recipient}</dt>
                            <dd>{invitation.recipient_short_name}</dd>
                            <dt>{t.deliveries.delivered_on}</dt>
                            <dd>{t.day(invitation.delivered_on)}</dd>
                            <dt>{t.deliveries.respondent_label}</dt>
                            <dd>{invitation.respondent}</dd>
                        </dl>
                        <Show
                            when=answered
                            fallback=move || view! { <ScoreForm action=answer refusal=link_refusal/> }
                        >
                            <p class="alert alert-success" role="status" data-testid="feedback-thanks">
                                {move || i18n.t().deliveries.thanks}
                            </p>
                        </Show>
                    }
                    .into_any()
                }
            }
        })
    };

    view! {
        <main class="public-page" data-testid="feedback-page">
            <p class="public-brand">{move || i18n.t().app_name}</p>
            <h1>{move || i18n.t().deliveries.public_heading}</h1>
            <Transition fallback=|| view! { <Loading/> }>{body}</Transition>
        </main>
    }
}
