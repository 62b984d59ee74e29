//! The comment thread of a document version.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure};
use leptos::prelude::*;
use openapi::OrganisationId;
use openapi::package::{CommentInput, ReviewComment};

/// The comments, oldest first, and a form to add one for the school's administration,
/// council, teachers and supervisors.
#[component]
pub fn ReviewThread(
    /// The version.
    version: i64,
    /// The school.
    org: OrganisationId,
    /// The comments.
    comments: Vec<ReviewComment>,
    /// Called after a comment.
    on_changed: Callback<()>,
    /// In the history: without the form.
    compact: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let may_comment = !compact
        && auth
            .with_me_untracked(|me| access::may_comment_package(me, org))
            .unwrap_or(false);
    let body = RwSignal::new(String::new());
    let send = Action::new_local(move |input: &CommentInput| {
        let input = input.clone();
        async move {
            let sent = api::package::comment(version, &input).await;
            if sent.is_ok() {
                body.set(String::new());
                on_changed.run(());
            }
            sent
        }
    });
    let list = if comments.is_empty() {
        view! { <p class="muted">{move || i18n.t().launch.comments_none}</p> }.into_any()
    } else {
        comments
            .into_iter()
            .map(|comment| {
                view! {
                    <li data-testid="review-comment-item">
                        <span class="muted">{comment.author_name} ", " {move || i18n.t().date_time(&comment.created_at)} ": "</span>
                        {comment.body}
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    let form = may_comment.then(|| {
        view! {
            <form
                class="comment-form"
                data-testid="comment-form"
                novalidate
                on:submit=move |event| {
                    event.prevent_default();
                    let text = body.get_untracked().trim().to_owned();
                    if !text.is_empty() {
                        send.dispatch(CommentInput { body: text });
                    }
                }
            >
                <label class="visually-hidden" for=format!("comment-{version}")>{move || i18n.t().launch.comment}</label>
                <input
                    id=format!("comment-{version}")
                    type="text"
                    autocomplete="off"
                    data-testid="comment-body"
                    placeholder=move || i18n.t().launch.comment
                    bind:value=body
                />
                <button type="submit" class="button button-small" data-testid="comment-submit">
                    {move || i18n.t().launch.add_comment}
                </button>
                <ErrorAlert error=failure(send)/>
            </form>
        }
    });
    view! {
        <div class="thread" data-testid="review-thread">
            <h4>{move || i18n.t().launch.comments}</h4>
            <ul class="plain-list">{list}</ul>
            {form}
        </div>
    }
}
